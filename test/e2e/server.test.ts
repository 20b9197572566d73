import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";
import { fileListView } from "../../src/repo/file-list-view.js";
import { corpusPlan } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/probot-harness.js";
import { ensureBuilt, fakeGitHubEnv, runMainExpectingExit, sendWebhook, startMain, waitFor, type MainProcess } from "./main-process.js";

// The real server (`node lib/main.js`, production mode) against the fake GitHub over HTTP,
// GHE-style (GHE_HOST=127.0.0.1:<port>, GHE_PROTOCOL=http), with signed webhooks.

const secret = randomBytes(24).toString("hex");
const PLAN = "docs/plans/tied-species.md";

describe("node lib/main.js end to end", () => {
  const gh = new FakeGitHub();
  let api: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let main: MainProcess;

  beforeAll(async () => {
    ensureBuilt();
    api = await gh.listen();
    main = await startMain(fakeGitHubEnv(gh, api, secret, testPrivateKey()));
  }, 120_000);

  afterAll(async () => {
    if (main.child.exitCode === null) main.child.kill("SIGKILL");
    await api.close();
  });

  it("answers /ping", async () => {
    const res = await fetch(`${main.url}/ping`);
    expect([res.status, await res.text()]).toEqual([200, "PONG"]);
  });

  it("rejects a wrongly signed webhook with 400 and makes no API call", async () => {
    gh.addRepo("octo-org/sig", { files: { "a.md": "x\n" } });
    gh.commit("octo-org/sig", "f", { [PLAN]: corpusPlan("018-context-enhancements.md") });
    gh.openPullRequest("octo-org/sig", { head: "f" });
    gh.clearRequests();
    const res = await sendWebhook(main.url, secret, "pull_request", pullRequestPayload(gh, "octo-org/sig", 1, "opened"), { signature: `sha256=${"0".repeat(64)}` });
    expect(res.status).toBe(400);
    await new Promise((r) => setTimeout(r, 300));
    expect(gh.requests).toHaveLength(0);
  });

  it("posts the check run with annotations, then edits the one sticky comment on the next push", async () => {
    const repo = "octo-org/species";
    const text = corpusPlan("044-tied-species-reporting.md");
    gh.addRepo(repo, { files: { "README.md": "# species\n" } });
    const head1 = gh.commit(repo, "tied", { [PLAN]: text, "src/types.rs": "pub struct Hit { alternatives: Vec<u32> }\n" });
    gh.openPullRequest(repo, { head: "tied", title: "Report tied species", body: `Implements ${PLAN}`, user: "alice" });

    const res = await sendWebhook(main.url, secret, "pull_request", pullRequestPayload(gh, repo, 1, "opened"));
    expect(res.status).toBeLessThan(300);
    await waitFor(() => gh.checkRuns(repo, head1)[0]?.status === "completed" && gh.comments(repo, 1).length === 1);

    // 044 is Completed, so the app also reads the head's tree and checks the files its phases name
    const expected = lintText(text, PLAN, defaultConfig, { repo: fileListView(gh.filesAt(repo, head1), { where: `at commit \`${head1.slice(0, 7)}\``, complete: true }) }).findings;
    const run = gh.checkRuns(repo, head1)[0]!;
    expect(run.conclusion).toBe(expected.some((f) => f.severity === "error") ? "failure" : "success");
    expect(run.annotations.map((a) => [a.start_line, a.title, a.annotation_level])).toEqual(
      expected.map((f) => [f.line, f.rule, { error: "failure", warning: "warning", notice: "notice" }[f.severity]]),
    );
    const first = gh.comments(repo, 1)[0]!;
    expect(first.user.login).toBe(gh.botLogin);
    process.stdout.write(`\n===== check summary (${PLAN}) =====\n${run.output.title}\n\n${run.output.summary}\n===== sticky comment =====\n${first.body}\n=====\n`);

    const head2 = gh.commit(repo, "tied", { "src/classify.rs": "pub fn lca() {}\n" });
    gh.clearRequests();
    await sendWebhook(main.url, secret, "pull_request", pullRequestPayload(gh, repo, 1, "synchronize"));
    await waitFor(() => gh.checkRuns(repo, head2)[0]?.status === "completed" && gh.comments(repo, 1)[0]!.body.includes(head2.slice(0, 7)));
    const comments = gh.comments(repo, 1);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(first.id);
    expect(gh.apiRequests().filter((r) => r.path.includes("/comments") && r.method !== "GET").map((r) => r.method)).toEqual(["PATCH"]);
  }, 60_000);

  it("costs the same few requests per event for 1, 20 and 100 plans", async () => {
    const counts: Record<number, string[]> = {};
    for (const n of [1, 20, 100]) {
      const repo = `octo-org/plans-${n}`;
      gh.addRepo(repo, { files: { "README.md": "# r\n" } });
      const files: Record<string, string> = { "src/app.ts": "export {};\n" };
      for (let i = 0; i < n; i++) files[`docs/plans/plan-${i}.md`] = corpusPlan("018-context-enhancements.md").replace(/^# .*/m, (h) => `${h} (${i})`);
      const head = gh.commit(repo, "work", files);
      gh.openPullRequest(repo, { head: "work", title: `${n} plans` });
      gh.clearRequests();
      await sendWebhook(main.url, secret, "pull_request", pullRequestPayload(gh, repo, 1, "opened"));
      await waitFor(() => gh.checkRuns(repo, head)[0]?.status === "completed" && gh.comments(repo, 1).length === 1, 40_000);
      await new Promise((r) => setTimeout(r, 200));
      counts[n] = gh.apiRequests().map((r) => `${r.method} ${r.path}`);
      expect(gh.checkRuns(repo, head)[0]!.output.title).toMatch(new RegExp(`in ${n} plans?$`));
    }
    process.stdout.write(`\n===== API requests per pull_request.opened (after the installation token) =====\n${[1, 20, 100].map((n) => `${n} plans: ${counts[n]!.length}  (${counts[n]!.map((c) => c.replace(/\/repos\/[^/]+\/[^/]+/, "")).join(", ")})`).join("\n")}\n`);
    // throttled requests (writes + GraphQL; the comment is new): the check run and the comment,
    // plus ONE batched GraphQL read for many plans (test/e2e/request-budget.test.ts has the full table)
    const throttled = (n: number) => counts[n]!.filter((c) => !c.startsWith("GET ")).length;
    expect([throttled(1), throttled(20), throttled(100)]).toEqual([2, 3, 3]);
    expect(counts[1]!.length).toBeLessThanOrEqual(7);
    expect(counts[20]!.length).toBeLessThanOrEqual(counts[1]!.length);
  }, 120_000);

  it("stops on SIGTERM with exit code 0", async () => {
    main.child.kill("SIGTERM");
    const code = await Promise.race([main.exited, new Promise((r) => setTimeout(() => r("timeout"), 10_000))]);
    expect(code).toBe(0);
  }, 15_000);
});

describe("lib/main.js refuses unsafe production settings", () => {
  beforeAll(() => ensureBuilt(), 120_000);

  it("names each missing variable", async () => {
    const { code, output } = await runMainExpectingExit({ NODE_ENV: "production", APP_ID: "1" });
    expect(code).toBe(1);
    expect(output).toMatch(/PRIVATE_KEY/);
    expect(output).toMatch(/WEBHOOK_SECRET is not set/);
  });

  it('never accepts the "development" secret in production', async () => {
    const { code, output } = await runMainExpectingExit({ NODE_ENV: "production", APP_ID: "1", PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: "development" });
    expect(code).toBe(1);
    expect(output).toMatch(/WEBHOOK_SECRET is "development"/);
  });

  it("explains what to do without an APP_ID outside production", async () => {
    const { code, output } = await runMainExpectingExit({ NODE_ENV: "development" });
    expect(code).toBe(1);
    expect(output).toMatch(/APP_ID is not set[\s\S]*app\.yml/);
  });
});
