import { describe, expect, it } from "@jest/globals";
import { run } from "./helpers/run.js";

// `plan-hygiene status`: the dashboard table for the working tree, in text, markdown and json.

const repo = process.cwd();

describe("plan-hygiene status", () => {
  it("prints the table for examples/, grouped by status, with what needs attention", async () => {
    const result = await run(["status", "examples/"], repo);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const lines = result.stdout.split("\n");
    expect(lines[0]).toBe("Needs attention (1)");
    expect(lines[1]).toBe("  examples/in-progress-plan.md: In Progress with 2 unresolved open questions");
    expect(result.stdout).toMatch(/^In Progress \(2\)\n {2}Plan +Status +Phases +Criteria +Questions +Findings\n {2}examples\/clean-plan\.md +In Progress +1\/2 +4\/6 +— +none$/m);
    expect(result.stdout).toMatch(/^ {2}examples\/crlf-plan\.md +Draft +0\/1 +0\/2 +1 \(line 28\) +1 warning$/m);
    expect(lines.at(-2)).toBe("3 plans: 2 In Progress, 1 Draft.");
    expect(result.stdout).not.toContain("\u001b[");
    const coloured = await run(["status", "examples/"], repo, { FORCE_COLOR: "1" });
    expect(coloured.stdout).toContain("\u001b[1mIn Progress (2)\u001b[22m");
  });

  it("--format markdown is the dashboard issue's markdown, with links relative to the working tree", async () => {
    const { stdout, code } = await run(["status", "examples/", "--format", "markdown"], repo);
    expect(code).toBe(0);
    expect(stdout).toContain("<!-- plan-hygiene:dashboard -->\n3 plans on `working tree`: 2 In Progress · 1 Draft.\n");
    expect(stdout).toContain("| [`examples/crlf-plan.md`](examples/crlf-plan.md)<br>Nightly export of audit events | Draft | 0/1 | 0/2 | [1](examples/crlf-plan.md#L28) |");
    expect(stdout).not.toContain("Open PRs");
  });

  it("--format json is the documented shape", async () => {
    const { stdout, code } = await run(["status", "examples/", "--format", "json"], repo);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ plans: 3, byGroup: { "in-progress": 2, draft: 1 }, needsAttention: 1 });
    expect(report.plans.map((p: { path: string }) => p.path)).toEqual(["examples/clean-plan.md", "examples/crlf-plan.md", "examples/in-progress-plan.md"]);
    expect(report.plans[1]).toEqual({
      path: "examples/crlf-plan.md",
      title: "Nightly export of audit events",
      status: "Draft",
      group: "draft",
      phases: { confirmed: 0, total: 1 },
      criteria: { checked: 0, total: 2 },
      openQuestions: { unresolved: 1, firstLine: 28 },
      findings: { error: 0, warning: 1, notice: 0 },
      rules: ["open-questions"],
      pulls: null,
      lastCommit: null,
      stale: false,
      missingFiles: 0,
      attention: [],
    });
  });

  it("exits 2 for a format `status` does not have, or a missing path", async () => {
    const sarif = await run(["status", "--format", "sarif"], repo);
    expect(sarif.code).toBe(2);
    expect(sarif.stderr).toContain("--format must be one of text, markdown, json; got `sarif`");
    expect((await run(["status", "no/such/dir"], repo)).code).toBe(2);
  });
});
