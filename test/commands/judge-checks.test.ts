import { describe, it, expect } from "@jest/globals";
import { judgeChecks, type CheckRunSummary } from "../../src/commands/judge-checks.js";

const own = { checkName: "Plan hygiene", appSlug: "plan-hygiene" };
const run = (name: string, conclusion: string | null, status = "completed", slug = "github-actions"): CheckRunSummary => ({ name, status, conclusion, app: { slug } });
const sha = "0123456789abcdef0123456789abcdef01234567";

describe("judgeChecks", () => {
  it("accepts when every other check succeeded, ignoring this app's own runs", () => {
    const verdict = judgeChecks([run("build", "success"), run("test", "success"), run("Plan hygiene", "failure", "completed", "plan-hygiene")], sha, own);
    expect(verdict).toEqual({ ok: true, count: 2 });
  });

  it("refuses naming the checks that failed or are still running", () => {
    const verdict = judgeChecks([run("build", "success"), run("test", "failure"), run("e2e", null, "in_progress")], sha, own);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.message).toContain("`test` (failure)");
      expect(verdict.message).toContain("`e2e` (in_progress)");
      expect(verdict.message).toContain("`0123456`");
      expect(verdict.message).not.toContain("build");
    }
  });

  it("does not count skipped or neutral as success", () => {
    expect(judgeChecks([run("lint", "skipped")], sha, own).ok).toBe(false);
    expect(judgeChecks([run("lint", "neutral")], sha, own).ok).toBe(false);
  });

  it("refuses when no other check ran at all", () => {
    const verdict = judgeChecks([run("Plan hygiene", "success", "completed", "plan-hygiene")], sha, own);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.message).toMatch(/no other check ran/);
  });
});
