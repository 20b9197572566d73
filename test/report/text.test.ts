import { describe, it, expect } from "@jest/globals";
import { formatText } from "../../src/report/text.js";
import type { LintedFile } from "../../src/report/json.js";
import { handBuiltPlan, finding } from "../cli/helpers/hand-built-plan.js";

describe("--format text", () => {
  const plan = handBuiltPlan();
  const files: LintedFile[] = [
    { path: plan.path, plan, findings: [finding("open-questions", "error", 19, "Unexpected 1 unresolved open question"), finding("confirmation-gate", "warning", 15, "Phase 2 has no\nconfirmation gate")] },
    { path: "docs/design.md", plan: { ...handBuiltPlan("docs/design.md"), isPlan: false }, findings: [] },
    { path: "b.md", plan: handBuiltPlan("b.md"), findings: [finding("status", "notice", 3, "Status is odd", "b.md")] },
  ];

  it("groups by file, sorts by line, aligns columns and ends with a summary", () => {
    expect(formatText(files, { color: false })).toBe(
      [
        "docs/plans/faster-builds.md",
        "  docs/plans/faster-builds.md:15:1  warning  Phase 2 has no confirmation gate  confirmation-gate",
        "  docs/plans/faster-builds.md:19:1  error    Unexpected 1 unresolved open question  open-questions",
        "",
        "b.md",
        "  b.md:3:1  notice  Status is odd  status",
        "",
        "1 error, 1 warning, 1 notice (3 files checked, 2 plans).",
        "",
      ].join("\n"),
    );
  });

  it("says so when there is nothing to report, without colour codes", () => {
    const out = formatText([{ path: plan.path, plan, findings: [] }], { color: false });
    expect(out).toBe("No problems found (1 file checked, 1 plan).\n");
    expect(out).not.toMatch(/\u001b/);
  });

  it("colours severities only when asked", () => {
    expect(formatText(files, { color: true })).toContain("\u001b[31merror");
  });
});
