import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RequestError } from "@octokit/request-error";
import { createAppMetrics } from "../../src/observability/app-metrics.js";
import { createDeliveryQueue, type DeliveryQueue } from "../../src/queue/delivery-queue.js";
import type { QueuedDelivery } from "../../src/queue/queued-delivery.js";
import { hasRedisServer, startRedisServer, type RedisServer } from "../helpers/redis-server.js";

// The delivery queue on a real redis-server, behind a real HTTP server: what is queued, what is
// dropped, the order jobs of one installation run in, retries. `receive` stands in for Probot's
// handlers (the end-to-end queue tests run the real app).

const available = hasRedisServer();
if (!available) console.warn("test/queue/delivery-queue.test.ts skipped: no `redis-server` binary (apt-get install redis-server).");
const describeWithRedis = available ? describe : describe.skip;

const SECRET = "queue-test-secret";
const sign = (body: string) => `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`;
const verify = async (body: string, signature: string) => sign(body) === signature;
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

function pullRequest(installation: number, repositoryId: number, number: number, updatedAt: string, action = "synchronize") {
  return { action, installation: { id: installation }, repository: { id: repositoryId, full_name: `o/r${repositoryId}` }, pull_request: { number, updated_at: updatedAt, head: { sha: randomUUID() } } };
}

describeWithRedis("the delivery queue (REDIS_URL)", () => {
  let redis: RedisServer;
  let server: Server;
  let url: string;
  let queue: DeliveryQueue;
  let route: DeliveryQueue["route"] | null = null;
  const metrics = createAppMetrics();

  beforeAll(async () => {
    redis = await startRedisServer();
    server = createServer((req, res) => {
      void (async () => {
        if (route && (await route(req, res))) return;
        res.writeHead(404).end("not found");
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
  }, 30_000);

  afterEach(async () => {
    await queue?.close(5000);
    await redis.client.flushall();
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await redis?.stop();
  });

  function start(receive: (delivery: QueuedDelivery) => Promise<void>, options: { attempts?: number; worker?: boolean } = {}) {
    queue = createDeliveryQueue({ redisUrl: redis.url, webhookPath: "/api/github/webhooks", verify, receive, log: silent, metrics, lockMs: 2000, attempts: options.attempts ?? 3 });
    route = queue.route;
    if (options.worker !== false) queue.start();
  }

  async function send(name: string, payload: unknown, id = randomUUID(), headers: Record<string, string> = {}): Promise<Response> {
    const body = JSON.stringify(payload);
    return fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": id, "x-hub-signature-256": sign(body), ...headers }, body });
  }

  async function until(what: string, probe: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!probe()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it("answers like GitHub's webhook endpoint expects: 202 queued, 200 for a redelivered id, 400/415/404 for bad requests, 503 without Redis", async () => {
    const received: string[] = [];
    start(async (delivery) => void received.push(delivery.id), { worker: false });
    const id = randomUUID();
    const payload = { action: "created", installation: { id: 1 } };
    expect((await send("issue_comment", payload, id)).status).toBe(202);
    expect((await send("issue_comment", payload, id)).status).toBe(200); // GitHub's redelivery keeps the id
    expect((await send("issue_comment", payload, randomUUID(), { "x-hub-signature-256": "sha256=00" })).status).toBe(400);
    expect((await send("issue_comment", payload, randomUUID(), { "content-type": "text/plain" })).status).toBe(415);
    const missing = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "Required headers missing: x-github-event, x-hub-signature-256, x-github-delivery" });
    expect((await fetch(url)).status).toBe(404);
    const badJson = "{not json";
    expect((await fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-github-event": "push", "x-github-delivery": randomUUID(), "x-hub-signature-256": sign(badJson) }, body: badJson })).status).toBe(400);
    expect(await redis.client.llen("plan-hygiene:deliveries:wait")).toBe(1);
    queue.start();
    await until("the one queued delivery to run", () => received.length === 1);
    expect(received).toEqual([id]);
    expect(metrics.registry.render()).toMatch(/plan_hygiene_deliveries_deduplicated_total 1\b/);
  }, 30_000);

  it("answers within a few milliseconds whatever the handlers take", async () => {
    start(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    const latencies: number[] = [];
    for (let i = 0; i < 20; i++) {
      const started = performance.now();
      const res = await send("pull_request", pullRequest(7, 100 + i, 1, "2026-12-07T00:00:00Z", "opened"));
      latencies.push(performance.now() - started);
      expect(res.status).toBe(202);
    }
    latencies.sort((a, b) => a - b);
    console.log(`enqueue reply latency over 20 deliveries: p50 ${latencies[10]!.toFixed(1)} ms, max ${latencies[19]!.toFixed(1)} ms`);
    expect(latencies[19]).toBeLessThan(1000); // generous: the point is that no handler runs in the request
  }, 30_000);

  it("runs one job per installation at a time and different installations side by side", async () => {
    const running = new Map<number, number>();
    const overlaps: number[] = [];
    let parallel = 0;
    let maxParallel = 0;
    const done: string[] = [];
    start(async (delivery) => {
      const installation = (delivery.payload as { installation: { id: number } }).installation.id;
      running.set(installation, (running.get(installation) ?? 0) + 1);
      if (running.get(installation)! > 1) overlaps.push(installation);
      maxParallel = Math.max(maxParallel, ++parallel);
      await new Promise((resolve) => setTimeout(resolve, 100));
      parallel -= 1;
      running.set(installation, running.get(installation)! - 1);
      done.push(delivery.id);
    });
    await Promise.all([1, 2, 3].flatMap((installation) => [1, 2, 3, 4].map((n) => send("pull_request", pullRequest(installation, installation * 10 + n, 1, "2026-12-07T00:00:00Z", "opened")))));
    await until("all 12 jobs", () => done.length === 12, 20_000);
    expect(overlaps).toEqual([]);
    expect(maxParallel).toBeGreaterThan(1);
  }, 30_000);

  it("checks only the newest delivery of a pull request: queued older ones are dropped, a late older one is not queued", async () => {
    const checked: string[] = [];
    start(async (delivery) => void checked.push((delivery.payload as { pull_request: { updated_at: string } }).pull_request.updated_at), { worker: false });
    for (const minute of [1, 2, 3, 4, 5]) expect((await send("pull_request", pullRequest(1, 55, 9, `2026-12-07T10:0${minute}:00Z`))).status).toBe(202);
    // a redelivery of an older push GitHub had recorded as failed: superseded, answered 200
    expect((await send("pull_request", pullRequest(1, 55, 9, "2026-12-07T10:02:30Z"))).status).toBe(200);
    // another PR and a command on the same PR are never dropped
    await send("pull_request", pullRequest(1, 55, 10, "2026-12-07T10:00:00Z"));
    queue.start();
    await until("the queue to drain", () => checked.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(checked.sort()).toEqual(["2026-12-07T10:00:00Z", "2026-12-07T10:05:00Z"]);
    expect(metrics.registry.render()).toMatch(/plan_hygiene_deliveries_coalesced_total [5-9]\b/);
  }, 30_000);

  it("retries a transient failure after GitHub's retry-after, and never retries a definite one", async () => {
    const attempts = new Map<string, number[]>();
    const transient = randomUUID();
    const definite = randomUUID();
    start(async (delivery) => {
      attempts.set(delivery.id, [...(attempts.get(delivery.id) ?? []), Date.now()]);
      const tries = attempts.get(delivery.id)!.length;
      const request = { method: "POST" as const, url: "https://api.github.com/repos/o/r/check-runs", headers: {} };
      if (delivery.id === transient && tries === 1) {
        throw new AggregateError([new RequestError("You have exceeded a secondary rate limit", 403, { request, response: { status: 403, url: request.url, headers: { "retry-after": "2" }, data: {} } })], "x");
      }
      if (delivery.id === definite) throw new AggregateError([new RequestError("Update is not a fast forward", 422, { request, response: { status: 422, url: request.url, headers: {}, data: {} } })], "x");
    });
    await send("issue_comment", { action: "created", installation: { id: 3 } }, transient);
    await send("issue_comment", { action: "created", installation: { id: 4 } }, definite);
    await until("the retry", () => (attempts.get(transient)?.length ?? 0) === 2, 15_000);
    const [first, second] = attempts.get(transient)!;
    expect(second! - first!).toBeGreaterThanOrEqual(1900);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(attempts.get(definite)).toHaveLength(1);
    // the final failure forgets the id, so a redelivery from GitHub is queued again
    expect((await send("issue_comment", { action: "created", installation: { id: 4 } }, definite)).status).toBe(202);
    await until("the redelivered id to run again", () => attempts.get(definite)?.length === 2, 10_000);
    expect(metrics.registry.render()).toMatch(/plan_hygiene_queue_job_retries_total 1\b/);
  }, 30_000);
});
