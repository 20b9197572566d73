// docs/formats.md: the detection table (marker → format) and what each format is asked, rendered
// from the format files themselves so the page cannot drift from the code.
import { formats } from "./index.js";
import type { Expectation } from "./types.js";

const cell = (text: string) => text.replace(/\|/g, "\\|");
const ask = (e: Expectation) => ({ required: "every phase", consistent: "like its sibling phases", none: "—" })[e];

export function renderFormatsDoc(): string {
  const out = [
    "# Plan formats",
    "",
    "<!-- Generated from src/formats/*.ts by `npm run docs`. Do not edit by hand. -->",
    "",
    "plan-hygiene judges each plan by its own format. The format is detected per file from its markers",
    "and its path: the strongest marker wins (3 = the template's own Confirmation Gate, 2 = a path or",
    "construct only that format writes, 1 = a hint), ties go to the format listed first, and a plan with",
    "no marker is `generic`. Set it yourself with `plans.format` (every plan) or `plans.formats`",
    '(per glob, e.g. `{ "specs/**/tasks.md": spec-kit }`). The JSON output, the check summary and the',
    "sticky comment name the format each plan was read as.",
    "",
    "## Detection",
    "",
    "| Marker | Format |",
    "| --- | --- |",
  ];
  for (const f of formats) for (const marker of f.markers) out.push(`| ${cell(marker)} | \`${f.id}\` (${f.name}) |`);
  out.push(
    "",
    "Files that are not plans, whatever they contain (a whole template in a fence included): agent",
    "command, skill and prompt files (`.claude/commands/**`, `.claude/agents/**`, `**/SKILL.md`,",
    "`.github/prompts/**`, `*.prompt.md`, `.cursor/rules/**`, frontmatter with `description:` and",
    "`allowed-tools:` / `model:` / `argument-hint:`), a folder's `README` or `index`, architecture decision",
    "records (`# ADR …`, or Context + Decision sections under `adr/` / `decisions/`) and retrospectives.",
    "",
    "## What each format is asked",
    "",
    "Hygiene rules apply to every format: unresolved open questions once work has started, a status the",
    "content contradicts, leftover template text, work ticked out of order, spec-kit's test-first order.",
    "The template's structure rules apply where the format has the construct:",
    "",
    "| Format | Status field | Gate per phase | Criteria per phase | Automated criteria | Template Change Log | Default `sections.required` | Open questions before work starts | Phases in order |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  );
  for (const f of formats) {
    const e = f.expects;
    out.push(
      `| \`${f.id}\` | ${e.status ? "required" : "—"} | ${ask(e.gates)} | ${ask(e.criteria)} | ${ask(e.automated)} | ${e.templateChangeLog ? "Date \\| Author \\| Change" : "its own"} | ${e.sections.length ? e.sections.join(", ") : "none"} | ${e.questionsBeforeWork ? "reported" : "not reported"} | ${e.sequentialPhases ? "yes" : "only where it says so"} |`,
    );
  }
  out.push(
    "",
    "\"Like its sibling phases\": a phase is reported only when at least two thirds of the plan's other phases",
    "have the construct (a plan with gates in 4 of 5 phases is missing one); a Phase 0 and, for gates, the",
    "last phase are never held to it.",
    "",
    "## Gates per format",
    "",
    "`/plan phase-done N` writes its `✅ Confirmed by …` line after the gate it recognised: the template's",
    "`**Confirmation Gate**:`, HumanLayer's `**Implementation Note**: … pause for manual confirmation …`,",
    "spec-kit's `**Checkpoint**:`.",
    "",
    "## Adding a format",
    "",
    "One file in `src/formats/` (its markers, `detect`, what it expects, its gate label), one line in",
    "`src/formats/index.ts`, fixtures in `test/fixtures/formats/<id>/`, then `npm run docs`.",
    "",
  );
  return out.join("\n");
}
