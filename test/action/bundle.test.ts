import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ACTIONS_BOT, FakeGitHub } from "../helpers/fake-github.js";
import { examplePayload, issueCommentPayload, pullRequestPayload } from "../helpers/payloads.js";
import { checkoutTrackedFiles, runBundle, type ActionRun } from "./action-process.js";

// The committed bundle, run as a runner runs it (a copy of the tracked files, no node_modules),
// against the fake GitHub over HTTP, with real @octokit/webhooks-examples payloads.

const REPO = "acme/app";
const PLAN = "docs/plans/limits.md";
const TEXT = `${readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8")}\n## Change Log\n\n| Date | Author | Change |\n|------|--------|--------|\n| 2026-01-10 | Dana | Initial draft |\n`;

let checkout: ReturnType<typeof checkoutTrackedFiles>;
let gh: FakeGitHub;
let server: Awaited<ReturnType<FakeGitHub["listen"]>>;

beforeAll(() => {
  checkout = checkoutTrackedFiles();
});
afterAll(() => checkout.remove());

beforeEach(async () => {
  await server?.close();
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { [PLAN]: TEXT, "src/limits/bucket.ts": "export {};\n" } });
  gh.commit(REPO, "limits", { "src/limits/bucket.ts": "export const bucket = 1;\n", [PLAN]: TEXT.replace("Limit `/export`", "Limit `/export` (and `/import`)") });
  gh.openPullRequest(REPO, { head: "limits", title: "Rate limits", user: "dana" });
  gh.setPermission(REPO, "writer", "write");
  gh.setPermission(REPO, "reader", "read");
  server = await gh.listen();
});
afterAll(() => server?.close());

const run = (eventName: string, payload: unknown, options: { token?: string; inputs?: Record<string, string> } = {}) =>
  runBundle(checkout.dir, { eventName, payload, repository: REPO, apiUrl: server.url, token: options.token ?? gh.actionsToken(), inputs: options.inputs });

const noStackTrace = (r: ActionRun) => expect(`${r.stdout}\n${r.stderr}`).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
const headOf = () => gh.branchSha(REPO, "limits") as string;

describe("dist/action.js on pull_request", () => {
  it("posts the check run with annotations and ONE sticky comment (same id after a push); outputs, summary and exit code follow fail-on", async () => {
    const first = await run("pull_request", pullRequestPayload(gh, REPO, 1, "opened"), { inputs: { "fail-on": "warning" } });
    noStackTrace(first);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(1); // 1 warning, fail-on: warning
    expect(first.stdout).toContain("::error::plan-hygiene: 1 warning in 1 plan (fail-on: warning)");
    const [check] = gh.checkRuns(REPO, headOf());
    expect(check).toMatchObject({ name: "Plan hygiene", status: "completed", conclusion: "success" });
    expect(check!.annotations.map((a) => [a.path, a.start_line, a.annotation_level, a.title])).toEqual([[PLAN, 41, "warning", "gate-order"]]);
    const comments = gh.comments(REPO, 1);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe(ACTIONS_BOT);
    const firstBody = comments[0]!.body;
    expect(first.outputs.errors).toBe("0");
    expect(first.outputs.warnings).toBe("1");
    const plans = JSON.parse(first.outputs.plans!);
    expect(plans.version).toBe(1);
    expect(plans.files.map((f: { path: string; findings: { rule: string }[] }) => [f.path, f.findings.map((x) => x.rule)])).toEqual([[PLAN, ["gate-order"]]]);
    // the job summary is the sticky comment's markdown
    expect(first.summary.trim()).toBe(firstBody.trim());

    gh.commit(REPO, "limits", { [PLAN]: TEXT.replace("Limit `/export`", "Limit `/export` and `/import`").replace("  - [x] Headers show", "  - [ ] Headers show") });
    const second = await run("pull_request", pullRequestPayload(gh, REPO, 1, "synchronize"));
    expect(second.code).toBe(0);
    expect(second.outputs.warnings).toBe("0");
    expect(gh.checkRuns(REPO, headOf())).toHaveLength(1);
    const after = gh.comments(REPO, 1);
    expect(after.map((c) => c.id)).toEqual([comments[0]!.id]);
    expect(after[0]!.body).not.toEqual(firstBody);
    expect(after[0]!.body).toContain("no problems found");
  }, 60_000);

  it("a PR that ticks a phase and changes none of its files: the same ticked-without-change notice as the App (check, outputs)", async () => {
    gh.commit(REPO, "tick", { [PLAN]: TEXT.replace("  - [ ] Integration tests pass", "  - [x] Integration tests pass"), "README.md": "# app\n" });
    gh.openPullRequest(REPO, { head: "tick", title: "Tick phase 2", user: "dana" });
    const result = await run("pull_request", pullRequestPayload(gh, REPO, 2, "opened"));
    noStackTrace(result);
    const [check] = gh.checkRuns(REPO, gh.branchSha(REPO, "tick") as string);
    const notice = check!.annotations.find((a) => a.title === "ticked-without-change");
    expect(notice).toMatchObject({ path: PLAN, start_line: 38, annotation_level: "notice" });
    expect(notice!.message).toContain("Ticked in this PR (line 38), but none of Phase 2's files changed here: `src/routes/export.ts`.");
    expect(JSON.parse(result.outputs.plans!).files[0].findings.map((x: { rule: string }) => x.rule)).toContain("ticked-without-change");
  });

  it("a fork PR's read-only token: findings as workflow-command annotations and the summary, exit code per fail-on, no stack trace, nothing written", async () => {
    gh.addRepo("forker/app", { parent: REPO });
    gh.commit("forker/app", "idea", { [PLAN]: TEXT.replace("Limit `/export`", "Limit `/export` (fork)") });
    gh.openPullRequest(REPO, { head: "idea", headRepo: "forker/app", user: "forker", number: 2 });
    const payload = pullRequestPayload(gh, REPO, 2, "opened");
    const token = gh.actionsToken([]);
    for (const [failOn, code] of [["warning", 1], ["never", 0]] as const) {
      const r = await run("pull_request", payload, { token, inputs: { "fail-on": failOn } });
      noStackTrace(r);
      expect(r.code).toBe(code);
      expect(r.stdout).toMatch(new RegExp(`^::warning title=plan-hygiene gate-order,file=${PLAN},line=41,endLine=41,col=3,endColumn=\\d+::Unexpected ticked criterion`, "m"));
      expect(r.stdout.match(/could not post the check run/g)).toHaveLength(1);
      expect(r.summary).toContain("pull_request_target");
      expect(r.summary).toContain("### Plan hygiene: ⚠️ 1 warning");
      expect(r.outputs.warnings).toBe("1");
    }
    expect(gh.checkRuns(REPO)).toEqual([]);
    expect(gh.comments(REPO, 2)).toEqual([]);
    const refused = gh.requests.filter((q) => q.status === 403).map((q) => `${q.method} ${q.path}`);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((q) => q.startsWith("POST /repos/acme/app/check-runs"))).toBe(true);
  }, 60_000);

  it("without checks: write: the findings become annotations and the summary, said once, and the step does not fail for it", async () => {
    const r = await run("pull_request", pullRequestPayload(gh, REPO, 1, "opened"), { token: gh.actionsToken(["pull-requests"]) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("::warning title=plan-hygiene gate-order");
    expect(gh.checkRuns(REPO)).toEqual([]);
    expect(r.stdout.match(/could not post the check run/g)).toHaveLength(1);
    expect(r.summary).toContain("could not post the check run");
    expect(r.summary).toContain("### Plan hygiene: ⚠️ 1 warning");
  }, 60_000);
});

describe("dist/action.js on issue_comment", () => {
  it("/plan phase-done by a writer commits on the head branch, then posts a completed check on the NEW head", async () => {
    const before = headOf();
    const comment = gh.addComment(REPO, 1, "/plan phase-done 1 soaked for an hour", "writer");
    const r = await run("issue_comment", issueCommentPayload(gh, REPO, 1, { id: comment.id, body: comment.body, login: "writer" }));
    noStackTrace(r);
    expect(r.code).toBe(0);
    const after = headOf();
    expect(after).not.toBe(before);
    expect(gh.fileAt(REPO, "limits", PLAN)!.toString()).toContain("✅ Confirmed by @writer");
    expect(gh.checkRuns(REPO, after)).toEqual([expect.objectContaining({ name: "Plan hygiene", status: "completed" })]);
    expect(r.summary).toContain(`The check run was posted for the new head \`${after.slice(0, 7)}\``);
    expect(r.summary).toContain("phase-done 1 soaked for an hour` by @writer: done, committed");
  }, 60_000);

  it("/plan phase-done by a reader is refused and writes nothing to the branch", async () => {
    const before = headOf();
    const comment = gh.addComment(REPO, 1, "/plan phase-done 1", "reader");
    const r = await run("issue_comment", issueCommentPayload(gh, REPO, 1, { id: comment.id, body: comment.body, login: "reader" }));
    expect(r.code).toBe(0);
    expect(headOf()).toBe(before);
    expect(gh.checkRuns(REPO)).toEqual([]);
    const replies = gh.comments(REPO, 1).filter((c) => c.user.login === ACTIONS_BOT);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/^@reader/);
    expect(r.summary).toContain("by @reader: refused");
    expect(gh.requests.filter((q) => JSON.stringify(q.body ?? "").includes("createCommitOnBranch"))).toEqual([]);
  }, 60_000);
});

describe("dist/action.js on a merge", () => {
  it("appends ONE Change Log row; a second run writes nothing", async () => {
    const mergeSha = gh.mergePullRequest(REPO, 1);
    const closed = pullRequestPayload(gh, REPO, 1, "closed", { sender: "maria" });
    closed.pull_request = { ...closed.pull_request, merged_at: "2026-03-06T10:00:00Z", closed_at: "2026-03-06T10:00:00Z", merge_commit_sha: mergeSha, merged_by: { ...closed.pull_request.user, login: "maria" } };
    const first = await run("pull_request", closed);
    noStackTrace(first);
    expect(first.code).toBe(0);
    const text = gh.fileAt(REPO, "main", PLAN)!.toString();
    expect(text.match(/\| 2026-03-06 \| @maria \|/g)).toHaveLength(1);
    expect(first.summary).toContain("recorded #1 in the Change Log");
    const head = gh.branchSha(REPO, "main");
    const second = await run("pull_request", closed);
    expect(second.code).toBe(0);
    expect(gh.branchSha(REPO, "main")).toBe(head);
    expect(second.summary).toContain("already in the Change Log; nothing written");
  }, 60_000);
});

describe("dist/action.js on other events and bad input", () => {
  it("a push of a tag (not the default branch) is one line and exit 0, with no API request", async () => {
    const r = await run("push", examplePayload("push"));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("plan-hygiene: dashboard not updated: not the default branch (refs/tags/simple-tag).");
    expect(gh.requests).toEqual([]);
  });

  it("a bad input is a one-line failure", async () => {
    const r = await run("pull_request", pullRequestPayload(gh, REPO, 1, "opened"), { inputs: { "fail-on": "sometimes" } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("::error::plan-hygiene: Input `fail-on` is `sometimes`, expected one of error, warning, never.");
    noStackTrace(r);
    expect(gh.requests).toEqual([]);
  });
});
