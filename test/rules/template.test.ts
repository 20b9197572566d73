import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";

// The unfilled template, linted as is: template text everywhere must be reported, each
// problem by the rule that owns it.

const shared = process.env.PLAN_HYGIENE_SHARED ?? path.resolve(process.cwd(), "../shared");
const text = readFileSync(path.join(shared, "plan-template.md"), "utf8");
const lines = text.split("\n");
const linesMatching = (re: RegExp) => lines.flatMap((line, i) => (re.test(line) ? [i + 1] : []));
// (as a copy someone forgot to fill in: a file NAMED plan-template.md is a template, not a plan — see the last test)
const { plan, findings } = lintText(text, "docs/plans/new-feature.md", defaultConfig);
const of = (rule: string) => findings.filter((f) => f.rule === rule);

describe("linting the plan template as is", () => {
  it("is a plan with two phases, and no rule crashes", () => {
    expect(plan.isPlan).toBe(true);
    expect(plan.phases.map((p) => p.id)).toEqual(["1", "2"]);
    expect(of("internal-error")).toEqual([]);
  });

  it("reports the template text of both confirmation gates as errors", () => {
    const gates = linesMatching(/^\*\*Confirmation Gate\*\*:/);
    expect(gates).toHaveLength(2);
    expect(of("confirmation-gate").map((f) => [f.line, f.severity])).toEqual(gates.map((line) => [line, "error"]));
    expect(of("confirmation-gate")[0].message).toContain("[What needs to be verified before moving to Phase 2]");
  });

  it("reports the Status line listing every option", () => {
    const status = of("status");
    expect(status.map((f) => f.line)).toEqual(linesMatching(/^\*\*Status:\*\*/));
    expect(status[0].message).toContain("the template's list of options");
  });

  it("reports template placeholders on every line that has them, as warnings (no known status)", () => {
    const flagged = new Set(of("template-placeholders").map((f) => f.line));
    const gateOrStatus = new Set([...linesMatching(/^\*\*Confirmation Gate\*\*:/), ...linesMatching(/^\*\*Status:\*\*/)]);
    const expected = linesMatching(/\[(?![ xX]\])[^\]]+\]|YYYY-MM-DD|\/path\/to\/|TICKET-\d/).filter((l) => !gateOrStatus.has(l));
    expect(expected.length).toBeGreaterThan(60);
    expect([...flagged].sort((a, b) => a - b)).toEqual(expected);
    expect(of("template-placeholders").every((f) => f.severity === "warning")).toBe(true);
    for (const line of gateOrStatus) expect(flagged.has(line)).toBe(false);
  });

  it("points each placeholder finding at the placeholder's text", () => {
    for (const f of of("template-placeholders")) {
      const slice = lines[f.line - 1].slice(f.column - 1, f.endColumn - 1);
      expect(slice).toMatch(/^\[.*\]$|^YYYY-MM-DD$|^\/path\/to\/|^TICKET-\d+$|^\[TICKET/);
    }
  });

  it("leaves what the template gets right alone", () => {
    expect(of("open-questions")).toEqual([]); // both items are struck through and marked Resolved
    expect(of("phase-numbering")).toEqual([]);
    expect(of("required-sections")).toEqual([]);
    expect(of("success-criteria")).toEqual([]);
    expect(of("gate-order")).toEqual([]);
    expect(of("change-log")).toEqual([]); // its YYYY-MM-DD dates are placeholders, reported once
  });

  it("the template file itself (`plan-template.md`, `templates/…`) is not a plan and gets no finding", () => {
    for (const name of ["plan-template.md", "docs/templates/plan.md", ".specify/templates/plan-template.md", ".specify/templates/tasks.md", "docs/plans/TEMPLATE.md"]) {
      const linted = lintText(text, name, defaultConfig);
      expect(linted.plan.isPlan).toBe(false);
      expect(linted.plan.notPlan).toBe("a plan template");
      expect(linted.findings).toEqual([]);
    }
  });
});
