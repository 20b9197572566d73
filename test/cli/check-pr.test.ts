import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FakeGitHub } from "../helpers/fake-github.js";
import { run } from "./helpers/run.js";

// `plan-hygiene check-pr` through @octokit/rest against the fake GitHub over HTTP (GHE-style URLs).

const REPO = "acme/app";
const PLAN = "docs/plans/limits.md";
const TEXT = readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8");

let gh: FakeGitHub;
let server: Awaited<ReturnType<FakeGitHub["listen"]>>;
let env: Record<string, string>;

beforeEach(async () => {
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { [PLAN]: TEXT } });
  gh.commit(REPO, "limits", { [PLAN]: TEXT.replace("Limit `/export`", "Limit `/export` (and `/import`)") });
  gh.openPullRequest(REPO, { head: "limits", title: "Rate limits", user: "dana" });
  server = await gh.listen();
  env = { GITHUB_TOKEN: gh.actionsToken(), GITHUB_API_URL: `${server.url}/api/v3` };
});
afterEach(() => server.close());

const writes = () => gh.requests.filter((r) => r.method !== "GET" && !(r.path === "/graphql" && !/^\s*mutation/.test(String((r.body as { query?: string }).query))));

describe("plan-hygiene check-pr", () => {
  it("prints the check summary, the annotations and the sticky comment, posting nothing", async () => {
    const r = await run(["check-pr", `${REPO}#1`], process.cwd(), env);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('# Check run "Plan hygiene" (would post): success — 1 warning in 1 plan');
    expect(r.stdout).toContain(`# Annotations (1)\n${PLAN}:41 warning gate-order: Unexpected ticked criterion in Phase 2`);
    expect(r.stdout).toContain("# Sticky comment (would post)\n<!-- plan-hygiene:summary -->\n### Plan hygiene: ⚠️ 1 warning");
    expect(writes()).toEqual([]);
    expect(gh.checkRuns(REPO)).toEqual([]);
    expect(gh.comments(REPO, 1)).toEqual([]);
  });

  it("--post posts the check run and the comment; --format json prints the lint document", async () => {
    const r = await run(["check-pr", `${REPO}#1`, "--post", "--format", "json"], process.cwd(), env);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary).toMatchObject({ files: 1, plans: 1, errors: 0, warnings: 1 });
    expect(r.stderr).toMatch(/^plan-hygiene: posted to acme\/app#1: check run \d+, comment created\n$/);
    expect(gh.checkRuns(REPO)).toEqual([expect.objectContaining({ name: "Plan hygiene", status: "completed", conclusion: "success" })]);
    expect(gh.comments(REPO, 1)).toHaveLength(1);
  });

  it("a missing token, an unknown repository or PR, and a rate limit: one line, exit 2, no stack trace", async () => {
    const missing = await run(["check-pr", `${REPO}#1`], process.cwd(), { GITHUB_API_URL: env.GITHUB_API_URL });
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/^plan-hygiene: GITHUB_TOKEN is not set[^\n]*\n$/)]);
    const unknownPr = await run(["check-pr", `${REPO}#9`], process.cwd(), env);
    expect([unknownPr.code, unknownPr.stderr]).toEqual([2, "plan-hygiene: acme/app#9 was not found, or the token cannot read it\n"]);
    const unknownRepo = await run(["check-pr", "acme/nope#1"], process.cwd(), env);
    expect([unknownRepo.code, unknownRepo.stderr]).toEqual([2, "plan-hygiene: acme/nope#1 was not found, or the token cannot read it\n"]);
    // GitHub's primary rate limit: 403, remaining 0, the reset time
    gh.route("GET", "/repos/:owner/:repo/pulls/:number", () => ({ status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "4102444800" }, body: { message: "API rate limit exceeded for installation ID 1." } }));
    const limited = await run(["check-pr", `${REPO}#1`], process.cwd(), env);
    expect(limited.code).toBe(2);
    expect(limited.stderr).toMatch(/^plan-hygiene: GitHub's rate limit for this token is used up until 2100-01-01T00:00:00.000Z; try again then\n$/);
    expect(writes()).toEqual([]);
  });

  it("bad arguments are usage errors", async () => {
    for (const argv of [["check-pr"], ["check-pr", "acme/app"], ["check-pr", `${REPO}#1`, "--format", "sarif"], ["lint", "--post"]]) {
      const r = await run(argv, process.cwd(), env);
      expect(r.code).toBe(2);
      expect(r.stderr.split("\n")[0]).toMatch(/^plan-hygiene: (check-pr takes one pull request|--format for check-pr|--post goes with)/);
    }
  });
});
