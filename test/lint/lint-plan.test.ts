import { describe, it, expect } from "@jest/globals";
import { configSchema, defaultConfig, type ConfigInput } from "../../src/config/schema.js";
import { parsePlan } from "../../src/plan/parse.js";
import { lintPlan } from "../../src/lint/lint-plan.js";
import { lintText } from "../../src/lint/lint-text.js";
import { rules } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/types.js";

const config = (input: ConfigInput) => configSchema.parse(input);

const PLAN = `# Implementation Plan: Search suggestions

**Date:** 2025-07-14
**Author:** [Name]
**Status:** Draft

## Overview

Suggest queries as the user types.

## Implementation Phases

### Phase 1: Suggest endpoint

**Success Criteria**:
- **Automated**:
  - [ ] \`npm test -- suggest\` passes

**Confirmation Gate**: Product reviews ten real queries on staging.

## Open Questions

- [ ] Which ranking signal do we use?
- [ ] Do we log suggestions?
`;

describe("lintPlan", () => {
  it("gives each finding the rule's severity, the file path and an exclusive end column", () => {
    const plan = parsePlan(PLAN, "plans/search.md");
    const findings = lintPlan(plan, defaultConfig);
    const author = findings.find((f) => f.rule === "template-placeholders")!;
    expect(author).toMatchObject({ path: "plans/search.md", severity: "warning", line: 4, endLine: 4 });
    expect(PLAN.split("\n")[3].slice(author.column - 1, author.endColumn - 1)).toBe("[Name]");
    const questions = findings.filter((f) => f.rule === "open-questions");
    expect(questions.map((f) => [f.line, f.severity])).toEqual([
      [23, "warning"],
      [24, "warning"],
    ]);
    expect(findings.map((f) => f.line)).toEqual([...findings.map((f) => f.line)].sort((a, b) => a - b));
  });

  it("makes open questions an error once the plan is approved", () => {
    const approved = PLAN.replace("**Status:** Draft", "**Status:** Approved");
    const findings = lintText(approved, "plan.md", defaultConfig).findings;
    expect(findings.filter((f) => f.rule === "open-questions").map((f) => f.severity)).toEqual(["error", "error"]);
    expect(findings.find((f) => f.rule === "open-questions")!.message).toMatch(
      /^Unexpected unresolved open question `Which ranking signal do we use\?` \(1 of 2\), expected none once Status is `Approved`: resolve it as/,
    );
    expect(findings.find((f) => f.rule === "template-placeholders")!.severity).toBe("error");
  });

  it("applies a configured severity to every finding of the rule, and `off` disables it", () => {
    const approved = PLAN.replace("**Status:** Draft", "**Status:** Approved");
    const notice = lintText(approved, "plan.md", config({ rules: { "open-questions": "notice" } })).findings;
    expect(notice.filter((f) => f.rule === "open-questions").map((f) => f.severity)).toEqual(["notice", "notice"]);
    const object = lintText(approved, "plan.md", config({ rules: { "open-questions": { severity: "warning" } } })).findings;
    expect(object.filter((f) => f.rule === "open-questions").map((f) => f.severity)).toEqual(["warning", "warning"]);
    for (const off of ["off", { severity: "off" }] as const) {
      const none = lintText(approved, "plan.md", config({ rules: { "open-questions": off } })).findings;
      expect(none.filter((f) => f.rule === "open-questions")).toEqual([]);
      expect(none.some((f) => f.rule === "template-placeholders")).toBe(true);
    }
  });

  it("turns a crashing rule into one internal-error notice and keeps the other rules' findings", () => {
    const broken: Rule = {
      id: "broken",
      defaultSeverity: "error",
      description: "always throws",
      check() {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    const plan = parsePlan(PLAN, "plan.md");
    const findings = lintPlan(plan, defaultConfig, [broken, ...rules]);
    const internal = findings.filter((f) => f.rule === "internal-error");
    expect(internal).toHaveLength(1);
    expect(internal[0]).toMatchObject({ severity: "notice", line: 1, column: 1 });
    expect(internal[0].message).toContain("`broken`");
    expect(internal[0].message).toContain("TypeError: cannot read properties of undefined");
    expect(findings.some((f) => f.rule === "open-questions")).toBe(true);
  });

  it("gives non-plans no findings", () => {
    const readme = "# My library\n\nInstall it with npm.\n\n## Usage\n\nCall `run()`.\n\n## Open Questions\n\n- Should we support Deno?\n";
    const { plan, findings } = lintText(readme, "docs/notes.md", defaultConfig);
    expect(plan.isPlan).toBe(false);
    expect(findings).toEqual([]);
  });

  it("reports only plan-unparseable for a file over the size cap", () => {
    const { plan, findings } = lintText(PLAN, "plan.md", config({ plans: { maxFileSize: 100 } }));
    expect(plan.unparseable).not.toBeNull();
    expect(findings.map((f) => [f.rule, f.severity, f.line])).toEqual([["plan-unparseable", "error", 1]]);
    expect(findings[0].message).toContain(plan.unparseable!.reason);
  });

  it("reports only plan-unparseable for pathological nesting, quickly", () => {
    const { findings } = lintText("# Plan\n\n" + "- ".repeat(4000) + "a\n", "plan.md", defaultConfig);
    expect(findings.map((f) => f.rule)).toEqual(["plan-unparseable"]);
  });
});

describe("required-sections configuration", () => {
  const text = PLAN.replace("## Open Questions", "## QA plan\n\nRun the suite.\n\n## Open Questions");
  it("asks for configured sections, matched with configured aliases", () => {
    const missing = lintText(PLAN, "plan.md", config({ sections: { required: ["Testing Strategy"] } })).findings;
    expect(missing.filter((f) => f.rule === "required-sections").map((f) => f.line)).toEqual([1]);
    expect(missing.find((f) => f.rule === "required-sections")!.message).toContain("without the `Testing Strategy` section");
    const hinted = lintText(PLAN, "plan.md", config({ sections: { required: ["Testing Strategy"], aliases: { "Testing Strategy": ["QA Plan"] } } })).findings;
    expect(hinted.find((f) => f.rule === "required-sections")!.message).toContain("`Testing Strategy` (or `QA Plan`)");
    const aliased = lintText(text, "plan.md", config({ sections: { required: ["Testing Strategy"], aliases: { "testing strategy": ["QA Plan"] } } })).findings;
    expect(aliased.filter((f) => f.rule === "required-sections")).toEqual([]);
  });

  it("matches built-in aliases and an empty list asks for nothing", () => {
    const renamed = PLAN.replace("## Open Questions", "## Unresolved Questions").replace("## Overview", "## 1. Overview 🚀");
    expect(lintText(renamed, "plan.md", defaultConfig).findings.filter((f) => f.rule === "required-sections")).toEqual([]);
    const bare = "# Plan\n\n## Phase 1: Start\n\n**Confirmation Gate**: ok\n\n## Phase 2: End\n";
    expect(lintText(bare, "plan.md", config({ sections: { required: [] } })).findings.filter((f) => f.rule === "required-sections")).toEqual([]);
    const both = lintText(bare, "plan.md", defaultConfig).findings.filter((f) => f.rule === "required-sections");
    expect(both.map((f) => f.message)).toEqual([
      "Unexpected plan without the `Overview` and `Open Questions` sections, expected every section in `sections.required`: add them as `##` headings, or change `sections.required` in .github/plan-hygiene.yml",
    ]);
  });
});

describe("finding positions", () => {
  it("are the same for a CRLF file with a BOM as for the LF original", () => {
    const lf = lintText(PLAN, "plan.md", defaultConfig).findings;
    const crlf = lintText("\uFEFF" + PLAN.replace(/\n/g, "\r\n"), "plan.md", defaultConfig).findings;
    expect(lf.length).toBeGreaterThan(2);
    const shape = (f: (typeof lf)[number]) => [f.rule, f.severity, f.line, f.column, f.endLine, f.endColumn];
    expect(crlf.map(shape)).toEqual(lf.map(shape));
  });

  it("end on the last character of a line when a rule's span runs into the line break", () => {
    const wholeLine: Rule = {
      id: "whole-line",
      defaultSeverity: "notice",
      description: "reports line 3 including its line break",
      check(plan) {
        const start = plan.text.indexOf("**Date:**");
        const end = plan.text.indexOf("\n", start) + 1;
        return [{ span: { start: { line: 3, column: 1, offset: start }, end: { line: 4, column: 1, offset: end } }, message: "x" }];
      },
    };
    for (const text of [PLAN, PLAN.replace(/\n/g, "\r\n")]) {
      const [finding] = lintPlan(parsePlan(text, "plan.md"), defaultConfig, [wholeLine]);
      expect(finding).toMatchObject({ line: 3, column: 1, endLine: 3, endColumn: "**Date:** 2025-07-14".length + 1 });
    }
  });
});
