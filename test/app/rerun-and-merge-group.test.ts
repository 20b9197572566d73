import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { corpusPlan } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { checkRunPayload, checkSuitePayload, mergeGroupPayload, pullRequestPayload } from "../helpers/payloads.js";
import { startTestProbot, type TestProbot } from "../helpers/probot-harness.js";

const REPO = "octo-org/octo-repo";
const PLAN = "plans/ios-stretching.md";

describe("re-runs and merge queues", () => {
  let gh: FakeGitHub;
  let bot: TestProbot;
  let head: string;

  beforeEach(async () => {
    gh = new FakeGitHub();
    gh.addRepo(REPO, { files: { "README.md": "# octo\n" } });
    head = gh.commit(REPO, "feature", { [PLAN]: corpusPlan("021-ios-stretching.md") });
    gh.openPullRequest(REPO, { head: "feature", title: "Stretching", user: "alice" });
    bot = await startTestProbot(gh);
  });
  afterEach(() => bot.stop());

  it("check_run.rerequested checks the PR again and posts a new run on the same commit", async () => {
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, 1, "opened"));
    await bot.receive("check_run", checkRunPayload(gh, REPO, head, { pullNumbers: [1] }));
    const runs = gh.checkRuns(REPO, head);
    expect(runs).toHaveLength(2);
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed"]);
    expect(runs[1]!.output.summary).toBe(runs[0]!.output.summary);
    expect(gh.comments(REPO, 1)).toHaveLength(1);
  });

  it("finds the PR by its head commit when the payload lists none (fork PRs)", async () => {
    await bot.receive("check_suite", checkSuitePayload(gh, REPO, head));
    expect(gh.checkRuns(REPO, head)).toHaveLength(1);
    expect(gh.apiRequests()[0]).toMatchObject({ method: "GET", path: `/repos/${REPO}/commits/${head}/pulls` });
  });

  it("ignores a re-run of another app's check", async () => {
    await bot.receive("check_run", checkRunPayload(gh, REPO, head, { name: "CI", pullNumbers: [1] }));
    expect(gh.apiRequests()).toHaveLength(0);
  });

  it("merge_group.checks_requested posts a completed check on the merge-group commit", async () => {
    const base = gh.branchSha(REPO, "main") as string;
    const mergeHead = gh.commit(REPO, "gh-readonly-queue/main/pr-1", { [PLAN]: corpusPlan("021-ios-stretching.md") }, { from: "main" });
    await bot.receive("merge_group", mergeGroupPayload(gh, REPO, mergeHead, base));
    const [run] = gh.checkRuns(REPO, mergeHead);
    expect(run).toMatchObject({ name: "Plan hygiene", status: "completed" });
    expect(run!.output.summary).toContain(PLAN);
    expect(gh.comments(REPO, 1)).toHaveLength(0);
  });

  it("a merge group that changes no plan still gets a (neutral) check so the queue is not blocked", async () => {
    const base = gh.branchSha(REPO, "main") as string;
    const mergeHead = gh.commit(REPO, "gh-readonly-queue/main/pr-2", { "src/a.ts": "x\n" }, { from: "main" });
    await bot.receive("merge_group", mergeGroupPayload(gh, REPO, mergeHead, base));
    expect(gh.checkRuns(REPO, mergeHead)[0]).toMatchObject({ status: "completed", conclusion: "neutral" });
  });
});
