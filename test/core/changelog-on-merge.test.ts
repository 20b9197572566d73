import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { configSchema, defaultConfig, type Config } from "../../src/config/schema.js";
import { appendChangelogOnMerge, FALLBACK_MARKER, type MergedPull } from "../../src/core/append-changelog-on-merge.js";
import { FakeGitHub } from "../helpers/fake-github.js";

// The merge pipeline against the fake GitHub (nock transport, Probot's Octokit): a PR edits a
// plan on a branch, is merged by the fake, and the handler's core runs on the merged PR.

const REPO = "acme/app";
const PLAN = "docs/plans/retry.md";
const FIXTURE = readFileSync(path.resolve(process.cwd(), "test/fixtures/changelog/table-at-end.input.md"), "utf8");
/** The plan on main before the PR: CRLF, a BOM, no final newline. */
const BASE_TEXT = `\uFEFF${FIXTURE.replace(/\n$/, "").replace(/\n/g, "\r\n")}`;
const UNCONFIRM = "\r\n\r\n✅ Confirmed by @mona on 2026-03-01 at abc1234";
/** Before the PR, phase 1 was not yet confirmed; the PR confirms it and moves Status. */
const BEFORE_PR = BASE_TEXT.replace(UNCONFIRM, "").replace("**Status:** In Progress", "**Status:** Approved");

let gh: FakeGitHub;
let stop: () => void;
let octokit: InstanceType<typeof ProbotOctokit>;

beforeEach(() => {
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { [PLAN]: BEFORE_PR, "src/retry.ts": "export {};\n" } });
  stop = gh.interceptWithNock();
  octokit = new ProbotOctokit({ auth: { token: "ghs_test" }, retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
});
afterEach(() => stop());

/** Opens a PR from `branch` with `files`, merges it, and returns the pull_request payload a `closed` webhook carries. */
async function mergedPull(branch: string, files: Record<string, string>, options: { title?: string; body?: string; mergedBy?: string } = {}): Promise<MergedPull> {
  gh.commit(REPO, branch, files);
  const pull = gh.openPullRequest(REPO, { head: branch, title: options.title ?? "Add retry budget", body: options.body ?? null, user: "kim" });
  gh.mergePullRequest(REPO, pull.number);
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", { owner: "acme", repo: "app", pull_number: pull.number });
  return { ...data, merged: true, merged_at: "2026-03-05T23:59:00Z", merged_by: { login: options.mergedBy ?? "mona" } } as MergedPull;
}

const run = (pull: MergedPull, config: Config = defaultConfig) => appendChangelogOnMerge(octokit, { owner: "acme", repo: "app", pull, config, backoffMs: 0 });
const text = (ref = "main", file = PLAN) => gh.fileAt(REPO, ref, file)?.toString("utf8");
const writes = () => gh.requests.filter((r) => JSON.stringify(r.body ?? "").includes("createCommitOnBranch"));

describe("appendChangelogOnMerge", () => {
  it("appends one row on the base branch, byte-exact (BOM, CRLF, no final newline kept), naming the PR and what it did", async () => {
    const pull = await mergedPull("feature", { [PLAN]: BASE_TEXT, "src/retry.ts": "export const budget = 3;\n" });
    const mergeHead = gh.branchSha(REPO, "main");
    const outcome = await run(pull);
    expect(outcome).toMatchObject({ status: "committed", plans: [{ path: PLAN, result: "recorded" }] });
    const row = "| 2026-03-05 | @mona | #1 Add retry budget — Phase 1 confirmed; Status Approved → In Progress |";
    const bytes = gh.fileAt(REPO, "main", PLAN) as Buffer;
    expect(bytes.equals(Buffer.from(`${BASE_TEXT}\r\n${row}`, "utf8"))).toBe(true);
    const commit = gh.store.commit(gh.branchSha(REPO, "main") as string);
    expect(commit.parents).toEqual([mergeHead]);
    expect(commit.message).toBe("Record #1 in the plan Change Log\n\nAppended by plan-hygiene after #1 was merged.");
    expect(gh.fileAt(REPO, "main", "src/retry.ts")?.toString()).toBe("export const budget = 3;\n");
  });

  it("is idempotent: a redelivered event or a re-run adds no second row and makes no commit", async () => {
    const pull = await mergedPull("feature", { [PLAN]: BASE_TEXT });
    await run(pull);
    const after = text();
    const head = gh.branchSha(REPO, "main");
    expect(await run(pull)).toMatchObject({ status: "unchanged", plans: [{ path: PLAN, result: "already-recorded" }] });
    expect(await run(pull)).toMatchObject({ status: "unchanged" });
    expect(text()).toBe(after);
    expect(gh.branchSha(REPO, "main")).toBe(head);
    expect(writes()).toHaveLength(1);
  });

  it("two PRs merged at the same moment both get their row (the second write finds the branch moved and retries)", async () => {
    const first = await mergedPull("a", { "src/a.ts": "a\n" }, { title: "First", body: `Implements ${PLAN}` });
    const second = await mergedPull("b", { "src/b.ts": "b\n" }, { title: "Second", body: `Part of \`${PLAN}\`` });
    // Hold the first write until the second one has landed, so the first is stale.
    let release: () => void = () => undefined;
    const landed = new Promise<void>((resolve) => (release = resolve));
    gh.on((event) => event === "commit" && release());
    let held = false;
    gh.beforeRequest = async (request) => {
      if (!held && JSON.stringify(request.body ?? "").includes("createCommitOnBranch")) {
        held = true;
        await landed;
      }
    };
    const outcomes = await Promise.all([run(first), run(second)]);
    expect(outcomes.map((o) => o.status)).toEqual(["committed", "committed"]);
    expect(writes()).toHaveLength(3); // one answered STALE_DATA, re-read, rewritten
    const rows = (text() as string).split("\r\n").filter((l) => /^\| 2026-03-05 /.test(l));
    expect(rows.sort()).toEqual(["| 2026-03-05 | @mona | #1 First |", "| 2026-03-05 | @mona | #2 Second |"]);
  });

  it("records every plan of the PR in ONE commit, and only files that are plans", async () => {
    const other = "docs/plans/metrics.md";
    gh.commit(REPO, "main", { [other]: FIXTURE.replace("Retry budget", "Metrics"), "docs/plans/notes.md": "# Notes\n\nNot a plan.\n" });
    const pull = await mergedPull("feature", { [PLAN]: BASE_TEXT, [other]: `${FIXTURE.replace("Retry budget", "Metrics")}\n`, "docs/plans/notes.md": "# Notes\n\nStill not a plan.\n" });
    const before = gh.branchSha(REPO, "main");
    const outcome = await run(pull);
    expect(outcome.status).toBe("committed");
    expect(gh.store.commit(gh.branchSha(REPO, "main") as string).parents).toEqual([before]);
    expect(text("main", other)).toMatch(/\| 2026-03-05 \| @mona \| #1 Add retry budget[^\n]*\|\n\n$/);
    expect(text("main", "docs/plans/notes.md")).toBe("# Notes\n\nStill not a plan.\n");
    expect((outcome as { plans: { path: string; result: string }[] }).plans.map((p) => [p.path, p.result]).sort()).toEqual([
      [other, "recorded"],
      ["docs/plans/notes.md", "not-a-plan"],
      [PLAN, "recorded"],
    ]);
  });

  it("a protected base branch gets a PR from plan-hygiene/changelog-<pr> and a comment linking it — once", async () => {
    const pull = await mergedPull("feature", { [PLAN]: BASE_TEXT });
    gh.protectBranch(REPO, "main");
    const mainHead = gh.branchSha(REPO, "main");
    const outcome = await run(pull);
    expect(outcome).toMatchObject({ status: "proposed", pull: { number: 2, url: "https://github.com/acme/app/pull/2" } });
    expect(gh.branchSha(REPO, "main")).toBe(mainHead);
    expect(text("plan-hygiene/changelog-1")).toBe(`${BASE_TEXT}\r\n| 2026-03-05 | @mona | #1 Add retry budget — Phase 1 confirmed; Status Approved → In Progress |`);
    const proposal = gh.repo(REPO).pulls.get(2);
    expect(proposal).toMatchObject({ headRef: "plan-hygiene/changelog-1", baseRef: "main", state: "open", title: "Record #1 in the plan Change Log" });
    const comments = gh.comments(REPO, 1);
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain(FALLBACK_MARKER);
    expect(comments[0].body).toContain("https://github.com/acme/app/pull/2");
    expect(comments[0].user.login).toBe("plan-hygiene[bot]");

    // redelivery: same PR reused, nothing committed, no second comment
    const branchHead = gh.branchSha(REPO, "plan-hygiene/changelog-1");
    expect(await run(pull)).toMatchObject({ status: "proposed", pull: { number: 2 } });
    expect(gh.branchSha(REPO, "plan-hygiene/changelog-1")).toBe(branchHead);
    expect(gh.repo(REPO).pulls.size).toBe(2);
    expect(gh.comments(REPO, 1)).toHaveLength(1);
  });

  it("does not reopen a fallback PR a person closed without merging", async () => {
    const pull = await mergedPull("feature", { [PLAN]: BASE_TEXT });
    gh.protectBranch(REPO, "main");
    await run(pull);
    gh.repo(REPO).pulls.get(2)!.state = "closed";
    expect(await run(pull)).toMatchObject({ status: "skipped", reason: expect.stringMatching(/closed .* without merging/) });
    expect(gh.repo(REPO).pulls.size).toBe(2);
  });

  it("changelog.completeStatus sets Status to Completed in the same commit when every phase is confirmed", async () => {
    const allDone = BASE_TEXT.replace("**Confirmation Gate**: Dashboard reviewed by on-call.", "**Confirmation Gate**: Dashboard reviewed by on-call.\r\n\r\n✅ Confirmed by @lee on 2026-03-04 at def5678");
    const pull = await mergedPull("feature", { [PLAN]: allDone });
    const config = configSchema.parse({ changelog: { completeStatus: true } });
    const outcome = await run(pull, config);
    expect(outcome).toMatchObject({ status: "committed", plans: [{ result: "recorded", reason: "Status set to Completed" }] });
    expect(text()).toBe(
      `${allDone.replace("**Status:** In Progress", "**Status:** Completed")}\r\n| 2026-03-05 | @mona | #1 Add retry budget — Phases 1, 2 confirmed; Status Approved → In Progress |`,
    );
    expect(writes()).toHaveLength(1);
  });

  it("uses changelog.template, and skips closed-unmerged PRs, disabled config and PRs without plans", async () => {
    const pull = await mergedPull("feature", { [PLAN]: BASE_TEXT }, { title: "Budget | v2" });
    const config = configSchema.parse({ changelog: { template: "{title} by {author} ({pr})" } });
    await run(pull, config);
    expect((text() as string).endsWith("\r\n| 2026-03-05 | @mona | Budget \\| v2 by @kim (#1) |")).toBe(true);

    expect(await run({ ...pull, merged: false, merged_at: null })).toMatchObject({ status: "skipped", reason: expect.stringMatching(/without merging/) });
    expect(await run(pull, configSchema.parse({ changelog: { enabled: false } }))).toMatchObject({ status: "skipped" });
    const noPlan = await mergedPull("code", { "src/x.ts": "x\n" }, { title: "Code only" });
    expect(await run(noPlan)).toMatchObject({ status: "skipped", reason: "#2 touched and named no plan." });
  });
});
