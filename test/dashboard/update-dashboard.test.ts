import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { createApp } from "../../src/app.js";
import type { DashboardScheduler } from "../../src/handlers/dashboard-scheduler.js";
import { DASHBOARD_MARKER } from "../../src/report/dashboard.js";
import { corpusPlan } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload, pushPayload } from "../helpers/payloads.js";
import { startTestProbot, type TestProbot } from "../helpers/probot-harness.js";

// updateDashboard through the real handlers in-process (Probot + the fake GitHub via nock), with
// real push payloads.

const REPO = "octo-org/plans";
const PLAN_A = "docs/plans/context-enhancements.md";
const PLAN_B = "docs/plans/tied-species.md";

describe("the plan dashboard issue", () => {
  let gh: FakeGitHub;
  let bot: TestProbot;
  let dashboard: DashboardScheduler;

  beforeEach(async () => {
    gh = new FakeGitHub();
    // debounceSeconds: 0 — the window itself is tested end to end (test/e2e/dashboard.test.ts).
    gh.addRepo(REPO, { files: { "README.md": "# plans\n", "src/app.ts": "export {};\n", ".github/plan-hygiene.yml": "dashboard:\n  debounceSeconds: 0\n" } });
    bot = await startTestProbot(gh, createApp({ dashboardDebounceSeconds: 0, slug: gh.appSlug, onDashboard: (d) => (dashboard = d) }));
  });
  afterEach(() => bot.stop());

  const settle = async () => {
    for (let i = 0; i < 200 && dashboard.pending > 0; i++) await new Promise((r) => setTimeout(r, 10));
    await dashboard.idle();
  };
  const push = async (files: Record<string, string | null>) => {
    const before = gh.branchSha(REPO, "main") as string;
    gh.commit(REPO, "main", files);
    await bot.receive("push", pushPayload(gh, REPO, before));
    await settle();
  };
  const calls = () => gh.apiRequests().map((r) => `${r.method} ${r.path.replace(`/repos/${REPO}`, "")}`);

  it("creates one issue for the first plan, then edits the same one; a push touching no plan costs nothing", async () => {
    await push({ "src/app.ts": "export const a = 1;\n" });
    expect(gh.issues(REPO)).toHaveLength(0);
    expect(gh.requests).toHaveLength(0);

    await push({ [PLAN_A]: corpusPlan("018-context-enhancements.md") });
    const [issue, ...others] = gh.issues(REPO);
    expect(others).toHaveLength(0);
    expect(issue).toMatchObject({ title: "Plan dashboard", state: "open", user: { login: gh.botLogin } });
    expect(issue!.body!.startsWith(DASHBOARD_MARKER)).toBe(true);
    expect(issue!.body).toContain(`[\`${PLAN_A}\`](https://github.com/${REPO}/blob/main/${PLAN_A})`);

    gh.clearRequests();
    await push({ [PLAN_B]: corpusPlan("044-tied-species-reporting.md") });
    expect(gh.issues(REPO)).toHaveLength(1);
    expect(gh.issues(REPO)[0]!.body).toContain(PLAN_B);
    expect(calls()).toEqual(["GET /git/trees/main", "POST /graphql", "PATCH /issues/1"]);

    gh.clearRequests();
    await push({ "src/app.ts": "export const a = 2;\n" });
    expect(gh.requests).toHaveLength(0);
  });

  it("edits nothing when the body would not change, and finds its issue by the marker after a restart", async () => {
    await push({ [PLAN_A]: corpusPlan("018-context-enhancements.md") });
    const body = gh.issues(REPO)[0]!.body;
    // A new process (empty caches) and a push that changes a markdown file but no plan's content.
    bot.stop();
    bot = await startTestProbot(gh, createApp({ dashboardDebounceSeconds: 0, slug: gh.appSlug, onDashboard: (d) => (dashboard = d) }));
    gh.openIssue(REPO, { title: "Plan dashboard", body: "A human's issue with the same title", user: "alice" });
    gh.clearRequests();
    await push({ "docs/notes.md": "notes\n" });
    expect(calls()).toEqual(["GET /git/trees/main", "POST /graphql"]);
    expect(gh.issues(REPO)[0]!.body).toBe(body);
    expect(gh.issues(REPO)[0]!.history).toHaveLength(0);
  });

  it("reopens a closed dashboard while a plan is In Progress, and leaves it closed otherwise", async () => {
    const inProgress = corpusPlan("018-context-enhancements.md");
    await push({ [PLAN_A]: inProgress.replace(/^status: .*$/m, "status: draft") });
    const issue = gh.issues(REPO)[0]!;
    issue.state = "closed";
    await push({ [PLAN_A]: inProgress.replace(/^status: .*$/m, "status: approved") });
    expect(issue.state).toBe("closed");
    expect(issue.history).toHaveLength(0);
    await push({ [PLAN_A]: inProgress.replace(/^status: .*$/m, "status: in_progress") });
    expect(issue.state).toBe("open");
    expect(issue.history).toEqual([expect.objectContaining({ state: "open" })]);
    expect(gh.issues(REPO)).toHaveLength(1);
  });

  it("with dashboard.enabled: false posts nothing, and never touches an existing dashboard again", async () => {
    await push({ ".github/plan-hygiene.yml": "dashboard:\n  enabled: false\n  debounceSeconds: 0\n", [PLAN_A]: corpusPlan("018-context-enhancements.md") });
    expect(gh.issues(REPO)).toHaveLength(0);
    expect(gh.apiRequests().filter((r) => r.method !== "GET" && r.path !== "/graphql")).toHaveLength(0);

    await push({ ".github/plan-hygiene.yml": "dashboard:\n  title: Plans\n  debounceSeconds: 0\n" });
    const issue = gh.issues(REPO)[0]!;
    expect(issue.title).toBe("Plans");
    issue.state = "closed";
    await push({ ".github/plan-hygiene.yml": "dashboard:\n  enabled: false\n  debounceSeconds: 0\n" });
    gh.clearRequests();
    await push({ [PLAN_B]: corpusPlan("044-tied-species-reporting.md") });
    expect(issue.history).toHaveLength(0);
    expect(issue.state).toBe("closed");
    // Known to be disabled: later plan pushes cost no request at all.
    expect(gh.requests).toHaveLength(0);
  });

  it("lists the open pull requests that change or name a plan, and drops them once closed", async () => {
    await push({ [PLAN_A]: corpusPlan("018-context-enhancements.md"), [PLAN_B]: corpusPlan("044-tied-species-reporting.md") });
    gh.commit(REPO, "feature", { "src/x.ts": "x\n" });
    gh.openPullRequest(REPO, { head: "feature", title: "Work", body: `Implements ${PLAN_B}`, user: "alice" });
    gh.commit(REPO, "edit-a", { [PLAN_A]: `${corpusPlan("018-context-enhancements.md")}\nMore.\n` });
    gh.openPullRequest(REPO, { head: "edit-a", title: "Edit A", user: "alice" });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, 2, "opened"));
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, 3, "opened"));
    await settle();
    const row = (path: string) => gh.issues(REPO)[0]!.body!.split("\n").find((l) => l.startsWith(`| [\`${path}\``)) ?? "";
    expect(row(PLAN_B)).toMatch(/\| #2 \|/);
    expect(row(PLAN_A)).toMatch(/\| #3 \|/);

    gh.repo(REPO).pulls.get(2)!.state = "closed";
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, 2, "closed"));
    await settle();
    expect(row(PLAN_B)).not.toMatch(/#2/);
    expect(gh.issues(REPO)[0]!.body).not.toMatch(/#2\b/);
  });
});
