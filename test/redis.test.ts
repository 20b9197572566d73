import { describe, it, expect, beforeAll, afterAll } from "@jest/globals";
import { createHmac, randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import type { Redis } from "ioredis";
import { FakeGitHub } from "./helpers/fake-github.js";
import { startApp, testCredentials, type AppProcess } from "./observability/app-process.js";
import { ensureBuilt } from "./e2e/main-process.js";
import { hasRedisServer, startRedisServer, type RedisServer } from "./helpers/redis-server.js";

// Scale-out: two app instances share one real redis-server (REDIS_URL → Probot's throttling runs
// Bottleneck in Redis cluster mode through ioredis) and both serve deliveries against one fake
// GitHub. Needs the `redis-server` binary (Debian package redis-server;
// .ci/run installs it when it can) — without the binary the test is skipped with a note.

const available = hasRedisServer();
if (!available) console.warn("test/redis.test.ts skipped: no `redis-server` binary (apt-get install redis-server).");
const describeWithRedis = available ? describe : describe.skip;

type Example = { name: string; examples: Array<Record<string, any>> };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Example[];
const INSTALLATION = 4242;
const PLAN = "# Plan: Add caching\n\n## Overview\n\nCache things.\n\n## Implementation Phases\n\n## Open Questions\n\n- [ ] Which store?\n";

/** A real pull_request.opened payload, pointed at a PR of the fake GitHub. */
function openedPayload(gh: FakeGitHub, fullName: string, number: number): Record<string, any> {
  const example = structuredClone(examples.find((e) => e.name === "pull_request")!.examples.find((x) => x.action === "opened")!);
  const repo = gh.repo(fullName);
  const pull = repo.pulls.get(number)!;
  const repository = { ...example.repository, id: repo.id, name: repo.name, full_name: fullName, default_branch: repo.defaultBranch, owner: { ...example.repository.owner, login: repo.owner } };
  example.repository = repository;
  example.number = number;
  example.installation = { id: INSTALLATION, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  Object.assign(example.pull_request, {
    number, title: pull.title, body: pull.body, draft: false, state: "open",
    head: { ...example.pull_request.head, ref: pull.headRef, sha: gh.pullHeadSha(repo, pull), repo: repository },
    base: { ...example.pull_request.base, ref: pull.baseRef, sha: gh.branchSha(fullName, pull.baseRef), repo: repository },
  });
  return example;
}

async function deliver(app: AppProcess, secret: string, event: string, payload: unknown): Promise<Response> {
  const body = JSON.stringify(payload);
  return fetch(`${app.url}/api/github/webhooks`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-github-event": event,
      "x-github-delivery": randomUUID(),
      "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
    },
    body,
  });
}

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithRedis("two replicas sharing redis", () => {
  const gh = new FakeGitHub();
  const credentials = testCredentials();
  let server: RedisServer;
  let redis: Redis;
  let github: Awaited<ReturnType<FakeGitHub["listen"]>>;
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    server = await startRedisServer();
    redis = server.client;
    gh.addRepo("acme/app", { files: { "README.md": "# app\n" } });
    for (const n of [1, 2]) {
      gh.commit("acme/app", `feature-${n}`, { [`plans/feature-${n}.md`]: PLAN });
      gh.openPullRequest("acme/app", { head: `feature-${n}`, title: `Feature ${n}`, body: `Implements plans/feature-${n}.md` });
    }
    github = await gh.listen();
    const env = { ...credentials, NODE_ENV: "production", LOG_FORMAT: "json", REDIS_URL: server.url, GHE_HOST: github.host, GHE_PROTOCOL: "http" };
    apps.push(...(await Promise.all([startApp({ cwd: process.cwd(), env }), startApp({ cwd: process.cwd(), env })])));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop("SIGKILL")));
    await server?.stop();
    await github?.close();
  });

  it("both replicas serve deliveries, throttled through the shared redis", async () => {
    const [first, second] = apps as [AppProcess, AppProcess];
    const responses = await Promise.all([
      deliver(first, credentials.WEBHOOK_SECRET, "pull_request", openedPayload(gh, "acme/app", 1)),
      deliver(second, credentials.WEBHOOK_SECRET, "pull_request", openedPayload(gh, "acme/app", 2)),
    ]);
    // 200, or 202 when a handler outlives GitHub's reply window (writes to one installation are
    // spaced 1 s apart by the shared throttle, so the replicas now wait for each other).
    for (const response of responses) expect([200, 202]).toContain(response.status);
    for (const n of [1, 2]) {
      const head = gh.branchSha("acme/app", `feature-${n}`)!;
      const run = await until(`a completed check run on PR #${n}`, () => gh.checkRuns("acme/app", head).find((r) => r.status === "completed"), 40_000);
      expect(run.name).toBe("Plan hygiene");
    }
    // Each replica holds its own connections to the shared redis (Bottleneck: client + subscriber).
    const clients = String(await redis.call("CLIENT", "LIST")).trim().split("\n");
    const ours = String(await redis.call("CLIENT", "ID"));
    expect(clients.filter((line) => !line.startsWith(`id=${ours} `)).length).toBeGreaterThanOrEqual(2);
    // …and the rate limiter state lives in redis, shared by both: Bottleneck keys of the write
    // limiter (one write a second, across replicas) and of the global one.
    const keys = await redis.keys("b_*");
    // Limiters are keyed by installation (src/github/per-installation-octokit.ts), not Probot's shared `no-id`.
    expect(keys.some((key) => key.startsWith("b_octokit-write-installation-"))).toBe(true);
    expect(keys.some((key) => key.startsWith("b_octokit-global-installation-"))).toBe(true);
    expect(keys.filter((key) => key.includes("no-id"))).toEqual([]);
    // The app's own JWT client (the redelivery scan at start) has a limiter of its own.
    expect(keys.some((key) => key.startsWith("b_octokit-global-app"))).toBe(true);
    // Deliveries go through the shared queue: whichever replica took a job, each PR was handled
    // exactly once (one delivery summary line across both replicas), and both queued what they got.
    const lines = () => apps.flatMap((app) => app.output().flatMap((line) => { try { return [JSON.parse(line)]; } catch { return []; } }));
    const summaries = () => lines().filter((entry) => entry.event === "pull_request.opened" && entry.delivery);
    await until("both delivery summaries", () => (summaries().length >= 2 ? true : undefined));
    expect(summaries().map((entry) => [entry.pr, entry.outcome]).sort()).toEqual([[1, "ok"], [2, "ok"]]);
    for (const app of apps) expect(app.output().filter((line) => line.includes('"queued":"queued"'))).toHaveLength(1);
    expect(await Promise.all(apps.map((app) => app.stop("SIGTERM")))).toEqual([0, 0]);
  }, 90_000);
});
