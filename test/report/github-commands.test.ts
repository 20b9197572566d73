import { describe, it, expect } from "@jest/globals";
import { escapeData, escapeProperty, formatGithubCommands } from "../../src/report/github-commands.js";
import { handBuiltPlan, finding } from "../cli/helpers/hand-built-plan.js";

describe("--format github", () => {
  it("escapes data and properties like the Actions toolkit", () => {
    expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });

  it("prints one workflow command per finding with position properties, then the summary", () => {
    const plan = handBuiltPlan("plans/a, b: c.md");
    const out = formatGithubCommands([
      {
        path: plan.path,
        plan,
        findings: [
          { ...finding("open-questions", "error", 19, "2 unresolved questions (50%)\nresolve them", plan.path), column: 3, endLine: 20, endColumn: 7 },
          finding("status", "warning", 3, "odd", plan.path),
          finding("phase-numbering", "notice", 5, "gap", plan.path),
        ],
      },
    ]);
    expect(out.split("\n")).toEqual([
      "::error file=plans/a%2C b%3A c.md,line=19,col=3,endLine=20,endColumn=7,title=plan-hygiene open-questions::2 unresolved questions (50%25)%0Aresolve them",
      "::warning file=plans/a%2C b%3A c.md,line=3,col=1,endLine=3,endColumn=10,title=plan-hygiene status::odd",
      "::notice file=plans/a%2C b%3A c.md,line=5,col=1,endLine=5,endColumn=10,title=plan-hygiene phase-numbering::gap",
      "1 error, 1 warning, 1 notice (1 file checked, 1 plan).",
      "",
    ]);
  });
});
