import { describe, expect, it } from "@jest/globals";
import { parsePlan } from "../../src/plan/parse.js";
import { normalizeHeading, sectionKindOf } from "../../src/plan/sections.js";
import { spanProblems } from "./span-check.js";

const slice = (text: string, s: { start: { offset: number }; end: { offset: number } }) => text.slice(s.start.offset, s.end.offset);

describe("encoding: BOM, CRLF, frontmatter, final newline", () => {
  const text = "\uFEFF---\r\nstatus: Approved\r\ntitle: x\r\n---\r\n# Implementation Plan: Thing\r\n\r\n**Status:** Draft\r\n\r\n## Phase 1: A\r\n\r\n- [x] done";
  const plan = parsePlan(text, "p.md");
  it("keeps offsets into the original text and columns without the BOM", () => {
    expect(plan.bom).toBe(true);
    expect(plan.eol).toBe("\r\n");
    expect(plan.finalNewline).toBe(false);
    expect(plan.title?.text).toBe("Thing");
    expect(slice(text, plan.title!.span)).toBe("# Implementation Plan: Thing");
    expect(plan.checkboxes[0].span.start).toEqual({ line: 11, column: 1, offset: text.indexOf("- [x]") });
    expect(text[plan.checkboxes[0].markOffset]).toBe("x");
    expect(spanProblems(plan)).toEqual([]);
  });
  it("keeps offsets when a second U+FEFF follows the BOM (micromark would drop it as another BOM)", () => {
    const plan = parsePlan("\uFEFF\uFEFF# Title\n\n## Phase 1: A\n", "p.md");
    expect(spanProblems(plan)).toEqual([]);
    // CommonMark: a line starting with U+FEFF is not a heading, so only the phase heading is one.
    expect(plan.title).toBeNull();
    expect(plan.phases.map((p) => plan.text.slice(p.headingSpan.start.offset, p.headingSpan.end.offset))).toEqual(["## Phase 1: A"]);
  });

  it("reads frontmatter with YAML, never as markdown, and lets its status win", () => {
    expect(plan.frontmatter).toEqual({ status: "Approved", title: "x" });
    expect(plan.status?.form).toBe("frontmatter");
    expect(plan.status?.value).toBe("Approved");
    expect(slice(text, plan.status!.valueSpan)).toBe("Approved");
    expect(plan.status?.span.start).toEqual({ line: 2, column: 1, offset: 6 });
    expect(plan.sections.map((s) => s.heading)).toEqual(["Implementation Plan: Thing", "Phase 1: A"]);
  });
  it("tolerates broken YAML (frontmatter null) without parsing it as markdown", () => {
    const p = parsePlan("---\nkey: [unclosed\n## Phase 1: not markdown\n---\n# Title\n", "p.md");
    expect(p.frontmatter).toBeNull();
    expect(p.title?.text).toBe("Title");
    expect(p.sections).toHaveLength(1);
  });
});

describe("header fields", () => {
  it("reads bold, list and plain forms before the first H2 only", () => {
    const text = "# T\n\n**Date:** 2024-01-01\n**Author**: Ann\n- Status: In Progress\nTicket: ABC-1\n\n## Work\n\n**Status**: Removed in 1.1\n";
    const plan = parsePlan(text, "p.md");
    expect(plan.fields.map((f) => [f.key, f.value, f.form])).toEqual([
      ["Date", "2024-01-01", "bold"],
      ["Author", "Ann", "bold"],
      ["Status", "In Progress", "list"],
      ["Ticket", "ABC-1", "plain"],
    ]);
    expect(plan.status?.value).toBe("In Progress");
  });
  it("reads fields in a Document Status section", () => {
    const plan = parsePlan("# T\n\n## Overview\n\nx\n\n## Document Status\n\n- Status: Ready\n", "p.md");
    expect(plan.status?.value).toBe("Ready");
  });
});

describe("sections", () => {
  it.each([
    ["## 3. Phased Plan", "implementation-phases"],
    ["Open Questions (should be empty before starting implementation)", "open-questions"],
    ["❓ Unresolved Questions", "open-questions"],
    ["Questions", "open-questions"],
    ["Open Issues", "open-questions"],
    ["What We're NOT Doing", "not-doing"],
    ["What We’re Not Doing", "not-doing"],
    ["Out of Scope", "not-doing"],
    ["Non-Goals", "not-doing"],
    ["Changelog", "change-log"],
    ["Revision History", "change-log"],
    ["2.1 Success Criteria:", "success-criteria"],
    ["Something Else", null],
  ])("%s → %s", (heading, kind) => {
    expect(sectionKindOf(heading.replace(/^#+ /, ""))).toBe(kind);
  });
  it("normalises case, emoji, numbering and punctuation", () => {
    expect(normalizeHeading("🚀 3.2. Rollout & Deployment!")).toBe("rollout deployment");
  });
  it("reads any heading that starts with Open Questions / Questions / Unknowns / Unresolved as open questions", () => {
    for (const h of ["Open Questions / Follow-ups", "Unknowns To Chase", "Unresolved items", "Questions for the reviewers"]) expect(sectionKindOf(h)).toBe("open-questions");
    expect(sectionKindOf("Questionable assumptions")).toBeNull();
  });
  it("accepts config aliases", () => {
    expect(sectionKindOf("Things To Chase")).toBeNull();
    expect(sectionKindOf("Things To Chase", { "Open Questions": ["Things to chase"] })).toBe("open-questions");
    const plan = parsePlan("# T\n\n## Things To Chase\n\n- what?\n", "p.md", { sectionAliases: { "Open Questions": ["Things to chase"] } });
    expect(plan.openQuestions?.items.map((q) => q.text)).toEqual(["what?"]);
  });
});

describe("criteria, files and gates", () => {
  it("splits heading-form criteria and reads heading gates with confirmation", () => {
    const text = [
      "# T", "", "## Phase 1: A", "", "**File**: `src/a.ts:12-34`", "File: src/b.ts", "**File:** `c.md`", "",
      "### Success Criteria", "", "#### Automated Verification:", "- [x] tests", "- [ ] lint", "", "#### Manual Verification", "- [ ] click", "",
      "### Confirmation Gate", "", "- Product owner signs off", "", "✅ Confirmed by @ann-b on 2024-05-06 at abc1234 — ok", "",
      "## Phase 2: B", "", "**Confirmation Gate**:", "", "- [x] ticked early", "",
    ].join("\n");
    const plan = parsePlan(text, "p.md");
    const [p1, p2] = plan.phases;
    expect(p1.files.map((f) => [f.path, f.lines])).toEqual([["src/a.ts", "12-34"], ["src/b.ts", null], ["c.md", null]]);
    expect(p1.criteria.automated.map((b) => [b.text, b.checked])).toEqual([["tests", true], ["lint", false]]);
    expect(p1.criteria.manual.map((b) => b.text)).toEqual(["click"]);
    expect(slice(text, p1.criteria.span!)).toBe("### Success Criteria");
    expect(p1.gate?.form).toBe("heading");
    expect(p1.gate?.text).toBe("Product owner signs off");
    expect(slice(text, p1.gate!.textSpan!)).toBe("- Product owner signs off");
    expect(p1.gate?.confirmation).toMatchObject({ user: "ann-b", date: "2024-05-06", sha: "abc1234" });
    expect(slice(text, p1.gate!.confirmation!.span)).toBe("✅ Confirmed by @ann-b on 2024-05-06 at abc1234");
    expect(p2.gate?.text).toBe("");
    expect(p2.gate?.textSpan).toBeNull();
    expect(p2.criteria.automated).toEqual([]);
  });
  it("reads an unsplit bold Success Criteria list as other, and a bold gate with a marker", () => {
    const text = "# T\n\n### Phase 1: A\n\n**Success Criteria:**\n- [ ] one\n- [ ] two\n\n**Confirmation Gate:** QA approves\n\n✅ Confirmed by @bot[bot] on 2024-01-01 at 0123456789abcdef\n";
    const p = parsePlan(text, "p.md").phases[0];
    expect(p.criteria.other.map((b) => b.text)).toEqual(["one", "two"]);
    expect(p.gate).toMatchObject({ text: "QA approves", form: "bold" });
    expect(p.gate?.confirmation?.user).toBe("bot[bot]");
  });
  it("does not count task boxes outside a criteria label", () => {
    const p = parsePlan("# T\n\n## Phase 1: A\n\n**Changes Required**:\n- [ ] edit a\n\n**Success Criteria**:\n- [ ] ok\n", "p.md").phases[0];
    expect([p.criteria.automated.length, p.criteria.manual.length, p.criteria.other.length]).toEqual([0, 0, 1]);
  });
});

describe("open questions", () => {
  const oq = (body: string) => parsePlan(`# T\n\n## Open Questions\n\n${body}\n\n## Next\n`, "p.md").openQuestions?.items.map((q) => [q.text, q.resolved]);
  it("resolves struck, marked and ticked items; sub-bullets belong to the parent", () => {
    expect(
      oq([
        "- ~~Cache?~~ → **resolved by** the spike",
        "- Which DB?\n  - **Decision**: Postgres",
        "- [x] Ticked question",
        "- Plain open question\n  - a detail",
        "- Resolved during implementation if the API allows",
        "- Who owns it? Answer: Ann",
      ].join("\n")),
    ).toEqual([
      ["Cache? → resolved by the spike", true],
      ["Which DB?", true],
      ["Ticked question", true],
      ["Plain open question", false],
      ["Resolved during implementation if the API allows", false],
      ["Who owns it? Answer: Ann", true],
    ]);
  });
  it("treats 'None' as no questions", () => {
    expect(oq("None at this time.")).toEqual([]);
    expect(oq("- None")).toEqual([]);
  });
  it("reads a decisions table: one question per row, resolved when decided", () => {
    expect(oq("| Question | Decision |\n|---|---|\n| Emoji? | Yes |\n| Ligatures? | TBD |")).toEqual([["Emoji?", true], ["Ligatures?", false]]);
  });
});

describe("change log", () => {
  it("reads rows by header name and where the next row goes", () => {
    const text = "# T\n\n## Changelog\n\n```\n| a | b |\n|---|---|\n```\n\n| Version | When | Who | Summary |\n|---|---|---|---|\n| 1 | 2024-01-01 | ann | First |\n| 2 | 2024-02-01 | bob | Second |";
    const log = parsePlan(text, "p.md").changeLog!;
    expect(log.table?.columns).toEqual({ date: 1, author: 2, change: 3 });
    expect(log.table?.rows.map((r) => [r.date, r.author, r.change])).toEqual([["2024-01-01", "ann", "First"], ["2024-02-01", "bob", "Second"]]);
    expect(log.insertOffset).toBe(text.length);
  });
  it("inserts after the delimiter row of an empty table, after the last row's line ending otherwise", () => {
    const empty = "## Change Log\n\n| Date | Author | Change |\n|---|---|---|\n\nafter\n";
    expect(parsePlan(empty, "p.md").changeLog?.insertOffset).toBe(empty.indexOf("\nafter") );
    const crlf = "## Change Log\r\n\r\n| Date | Author | Change |\r\n|---|---|---|\r\n| 2024-01-01 | a | b |\r\n\r\nx\r\n";
    expect(parsePlan(crlf, "p.md").changeLog?.insertOffset).toBe(crlf.indexOf("\r\nx") );
  });
});

describe("isPlan", () => {
  it.each([
    ["phases", "# Notes\n\n## Phase 1: A\n", "notes.md", true],
    ["two strong sections", "# X\n\n## Success Criteria\n\n## Open Questions\n", "x.md", true],
    ["design doc with weak sections only", "# Design\n\n## Current State\n\n## Desired End State\n\n## What We're NOT Doing\n", "design.md", false],
    ["plan title", "# Caching Implementation Plan\n", "x.md", true],
    ["plan file name", "# Whatever\n", "docs/01-01-PLAN.md", true],
    ["README", "# Tool\n\n## Overview\n\n## Installation\n", "README.md", false],
    ["research doc titled like a phase", "# Phase 1: Foundation - Research\n\n## Open Questions\n\n- a\n", "01-RESEARCH.md", false],
    ["only a removed phase", "# Notes\n\n## ~~Phase 0: x~~ (REMOVED)\n", "notes.md", false],
  ])("%s → %s", (_what, text, path, want) => {
    expect(parsePlan(text, path).isPlan).toBe(want);
  });
});
