import { describe, it, expect } from "@jest/globals";
import { buildSarif, toUri } from "../../src/report/sarif.js";
import { handBuiltPlan, finding } from "../cli/helpers/hand-built-plan.js";
import { expectValidSarif } from "../cli/helpers/expect-valid-sarif.js";

const rules = [
  { id: "open-questions", description: "Open questions are resolved before work starts", defaultSeverity: "error" as const },
  { id: "status", description: "The plan has a known Status", defaultSeverity: "warning" as const },
];

describe("--format sarif", () => {
  const plan = handBuiltPlan("docs/my plans/faster-builds.md");
  const files = [
    {
      path: plan.path,
      plan,
      findings: [finding("open-questions", "error", 19, "Unexpected 1 unresolved open question", plan.path), finding("plan-unparseable", "notice", 1, "odd", plan.path)],
    },
  ];
  const log = buildSarif(files, { rules, toolVersion: "0.1.0", ruleDocsUrl: (id) => `https://example.test/docs/rules/${id}.md` }) as any;

  it("is structurally valid SARIF 2.1.0", () => {
    expectValidSarif(log);
  });

  it("lists every rule with its docs page, adding ids seen only in results", () => {
    expect(log.runs[0].tool.driver.rules.map((r: any) => [r.id, r.helpUri, r.defaultConfiguration.level])).toEqual([
      ["open-questions", "https://example.test/docs/rules/open-questions.md", "error"],
      ["status", "https://example.test/docs/rules/status.md", "warning"],
      ["plan-unparseable", "https://example.test/docs/rules/plan-unparseable.md", "note"],
    ]);
  });

  it("maps findings to results with relative, encoded URIs and regions", () => {
    expect(log.runs[0].results[0]).toEqual({
      ruleId: "open-questions",
      ruleIndex: 0,
      level: "error",
      message: { text: "Unexpected 1 unresolved open question" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "docs/my%20plans/faster-builds.md", uriBaseId: "%SRCROOT%" }, region: { startLine: 19, startColumn: 1, endLine: 19, endColumn: 10 } } }],
    });
    expect(log.runs[0].results[1].level).toBe("note");
  });

  it("turns Windows paths into forward-slash URIs", () => {
    expect(toUri(".\\docs\\plans\\x#1.md")).toBe("docs/plans/x%231.md");
  });
});
