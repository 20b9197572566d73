import { describe, it, expect } from "@jest/globals";
import { buildJsonReport, formatJson, type LintedFile } from "../../src/report/json.js";
import { handBuiltPlan, finding } from "../cli/helpers/hand-built-plan.js";

describe("--format json", () => {
  const plan = handBuiltPlan();
  const notPlan = { ...handBuiltPlan("docs/design.md"), isPlan: false };
  const files: LintedFile[] = [
    { path: plan.path, plan, findings: [finding("open-questions", "error", 19, "Unexpected 1 unresolved open question"), finding("confirmation-gate", "warning", 15, "Phase 2 has no gate")] },
    { path: "docs/design.md", plan: notPlan, findings: [] },
  ];

  it("has exactly the documented shape", () => {
    expect(buildJsonReport(files)).toEqual({
      version: 1,
      files: [
        {
          path: "docs/plans/faster-builds.md",
          isPlan: true,
          plan: {
            format: { id: "template", name: "plan-hygiene template", detectedBy: "Confirmation Gate", source: "detected" },
            title: "Faster builds",
            status: "In Progress",
            phases: [
              { id: "1A", title: "Cache the deps", line: 5, gate: { line: 13, text: "cache hit rate above 80%", confirmed: false }, criteria: { automated: { total: 2, checked: 1 }, manual: { total: 1, checked: 0 } }, paths: [] },
              { id: "2", title: "Ship", line: 15, gate: null, criteria: { automated: { total: 0, checked: 0 }, manual: { total: 0, checked: 0 } }, paths: [] },
            ],
            openQuestions: [
              { text: "Which cache backend?", line: 19, resolved: false },
              { text: "Do we need S3? Resolved: no", line: 20, resolved: true },
            ],
            changeLog: [{ date: "2026-01-02", author: "@ana", change: "Initial draft", line: 26 }],
          },
          findings: [
            { rule: "open-questions", severity: "error", line: 19, column: 1, endLine: 19, endColumn: 10, message: "Unexpected 1 unresolved open question" },
            { rule: "confirmation-gate", severity: "warning", line: 15, column: 1, endLine: 15, endColumn: 10, message: "Phase 2 has no gate" },
          ],
        },
        { path: "docs/design.md", isPlan: false, plan: null, findings: [] },
      ],
      summary: { files: 2, plans: 1, errors: 1, warnings: 1, notices: 0 },
    });
  });

  it("marks a confirmed gate and prints parseable JSON with a final newline", () => {
    const confirmed = handBuiltPlan();
    confirmed.phases[0].gate!.confirmation = { user: "ana", date: "2026-01-03", sha: "abc1234", span: confirmed.phases[0].gate!.span };
    const text = formatJson([{ path: confirmed.path, plan: confirmed, findings: [] }]);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text).files[0].plan.phases[0].gate.confirmed).toBe(true);
  });

  it("reports a file with no plan model (unreadable) as not a plan", () => {
    const report = buildJsonReport([{ path: "x.md", plan: null, findings: [finding("plan-unparseable", "error", 1, "too big", "x.md")] }]);
    expect(report.files[0]).toMatchObject({ isPlan: false, plan: null });
    expect(report.summary).toEqual({ files: 1, plans: 0, errors: 1, warnings: 0, notices: 0 });
  });
});
