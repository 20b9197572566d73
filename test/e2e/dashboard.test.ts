import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { DASHBOARD_MARKER } from "../../src/report/dashboard.js";
import { corpusPlan } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload, pushPayload } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/probot-harness.js";
import { deliver, ensureBuilt, fakeGitHubEnv, startMain, waitFor, type MainProcess } from "./main-process.js";

// The plan dashboard on the real server (`node lib/main.js`) and the fake GitHub over HTTP, with
// real push payloads. Repositories set `dashboard.debounceSeconds`; DASHBOARD_DEBOUNCE_SECONDS=1
// is the wait before a repository's own setting is known.

const secret = randomBytes(24).toString("hex");
const PLAN = "docs/plans/context-enhancements.md";
const PLAN_2 = "docs/plans/tied-species.md";

describe("the plan dashboard end to end", () => {
  const gh = new FakeGitHub();
  let api: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let main: MainProcess;

  beforeAll(async () => {
    ensureBuilt();
    api = await gh.listen();
    main = await startMain({ ...fakeGitHubEnv(gh, api, secret, testPrivateKey()), DASHBOARD_DEBOUNCE_SECONDS: "1" });
  }, 120_000);
  afterAll(async () => {
    if (main.child.exitCode === null) main.child.kill("SIGKILL");
    await api.close();
  });

  /** The app's "dashboard <repo>: …" log lines (one per update), parsed. */
  const updates = (repo: string) =>
    main
      .output()
      .split("\n")
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          return entry.event === "dashboard" && entry.repo === repo ? [entry] : [];
        } catch {
          return [];
        }
      });
  const push = async (repo: string, files: Record<string, string | null>) => {
    const before = gh.branchSha(repo, "main") as string;
    gh.commit(repo, "main", files);
    return deliver(main, secret, "push", pushPayload(gh, repo, before));
  };
  const nextUpdate = async (repo: string, seen: number, timeoutMs = 20_000) => {
    await waitFor(() => updates(repo).length > seen, timeoutMs);
    return updates(repo)[seen] as Record<string, unknown>;
  };

  it("first plan → one issue; a push changing a plan → the same issue edited; a push touching no plan → no request", async () => {
    const repo = "octo-org/dash";
    gh.addRepo(repo, { files: { "README.md": "# dash\n", ".github/plan-hygiene.yml": "dashboard:\n  debounceSeconds: 1\n" } });
    gh.clearRequests();
    await push(repo, { [PLAN]: corpusPlan("018-context-enhancements.md") });
    expect(await nextUpdate(repo, 0)).toMatchObject({ outcome: "created", plans: 1 });
    const [issue, ...others] = gh.issues(repo);
    expect(others).toHaveLength(0);
    expect(issue!.body!.startsWith(DASHBOARD_MARKER)).toBe(true);
    expect(issue!.user.login).toBe(gh.botLogin);

    gh.clearRequests();
    await push(repo, { [PLAN_2]: corpusPlan("044-tied-species-reporting.md") });
    expect(await nextUpdate(repo, 1)).toMatchObject({ outcome: "edited", issue: issue!.number, plans: 2 });
    expect(gh.issues(repo)).toHaveLength(1);
    expect(gh.issues(repo)[0]!.body).toContain(PLAN_2);
    expect(gh.apiRequests().map((r) => `${r.method} ${r.path.replace(`/repos/${repo}`, "")}`)).toEqual(["GET /git/trees/main", "POST /graphql", `PATCH /issues/${issue!.number}`]);

    gh.clearRequests();
    const { summary } = await push(repo, { "src/app.ts": "export {};\n" });
    expect(summary).toMatchObject({ outcome: "skipped", reason: "no plan changed" });
    await new Promise((r) => setTimeout(r, 1500));
    expect(gh.requests).toHaveLength(0);
    expect(updates(repo)).toHaveLength(2);
  }, 60_000);

  it("5 pushes in 2 s → one edit", async () => {
    const repo = "octo-org/burst";
    gh.addRepo(repo, { files: { ".github/plan-hygiene.yml": "dashboard:\n  debounceSeconds: 3\n", [PLAN]: corpusPlan("018-context-enhancements.md") } });
    await push(repo, { "docs/plans/x.md": corpusPlan("044-tied-species-reporting.md") });
    await nextUpdate(repo, 0);
    const issue = gh.issues(repo)[0]!;
    for (let i = 0; i < 5; i++) {
      await push(repo, { [PLAN]: corpusPlan("018-context-enhancements.md").replace(/^# .*/m, (h) => `${h} (edit ${i})`) });
      await new Promise((r) => setTimeout(r, 350));
    }
    expect(await nextUpdate(repo, 1)).toMatchObject({ outcome: "edited" });
    await new Promise((r) => setTimeout(r, 3500));
    expect(updates(repo)).toHaveLength(2);
    expect(issue.history).toHaveLength(1);
  }, 60_000);

  it("a pull request opened naming a plan → its number appears in the plan's row", async () => {
    const repo = "octo-org/named";
    gh.addRepo(repo, { files: { ".github/plan-hygiene.yml": "dashboard:\n  debounceSeconds: 1\n" } });
    await push(repo, { [PLAN]: corpusPlan("018-context-enhancements.md") });
    await nextUpdate(repo, 0);
    gh.commit(repo, "feature", { "src/a.ts": "a\n" });
    const pull = gh.openPullRequest(repo, { head: "feature", title: "Context work", body: `Implements \`${PLAN}\``, user: "alice" });
    await deliver(main, secret, "pull_request", pullRequestPayload(gh, repo, pull.number, "opened"));
    expect(await nextUpdate(repo, 1)).toMatchObject({ outcome: "edited" });
    const row = gh.issues(repo)[0]!.body!.split("\n").find((l) => l.startsWith(`| [\`${PLAN}\``));
    expect(row).toContain(`| #${pull.number} |`);
  }, 60_000);

  it("dashboard.enabled: false → nothing posted", async () => {
    const repo = "octo-org/off";
    gh.addRepo(repo, { files: { ".github/plan-hygiene.yml": "dashboard:\n  enabled: false\n  debounceSeconds: 1\n" } });
    gh.clearRequests();
    await push(repo, { [PLAN]: corpusPlan("018-context-enhancements.md") });
    expect(await nextUpdate(repo, 0)).toMatchObject({ outcome: "skipped", reason: "dashboard.enabled is false" });
    expect(gh.issues(repo)).toHaveLength(0);
    expect(gh.apiRequests().filter((r) => r.method !== "GET" && r.path !== "/graphql")).toHaveLength(0);
  }, 60_000);

  it("requests per update for 1, 20 and 200 plans (first update, then one plan changed)", async () => {
    const rows: string[] = [];
    for (const n of [1, 20, 200]) {
      const repo = `octo-org/many-${n}`;
      const files: Record<string, string> = { ".github/plan-hygiene.yml": "dashboard:\n  debounceSeconds: 0\n" };
      for (let i = 0; i < n; i++) files[`docs/plans/plan-${i}.md`] = corpusPlan("018-context-enhancements.md").replace(/^# .*/m, (h) => `${h} (${i})`);
      gh.addRepo(repo, { files: { "README.md": "# r\n" } });
      gh.clearRequests();
      await push(repo, files);
      const first = await nextUpdate(repo, 0, 60_000);
      const cold = gh.apiRequests().map((r) => `${r.method} ${r.path.replace(`/repos/${repo}`, "")}`);
      gh.clearRequests();
      await push(repo, { "docs/plans/plan-0.md": (files["docs/plans/plan-0.md"] as string).replace(/^# .*/m, "# Context Enhancements Plan (renamed)") });
      const second = await nextUpdate(repo, 1, 60_000);
      const warm = gh.apiRequests().map((r) => `${r.method} ${r.path.replace(`/repos/${repo}`, "")}`);
      expect(first).toMatchObject({ outcome: "created", plans: n });
      expect(second).toMatchObject({ plans: n });
      rows.push(`${n} plans: first update ${cold.length} (${cold.join(", ")}); one plan changed ${warm.length} (${warm.join(", ")})`);
      expect(warm).toEqual(["GET /git/trees/main", "POST /graphql", `PATCH /issues/${first.issue}`]);
      expect(cold.length).toBeLessThanOrEqual(3 + Math.ceil(n / 100));
    }
    process.stdout.write(`\n===== API requests per dashboard update (after the installation token) =====\n${rows.join("\n")}\n`);
  }, 180_000);
});
