import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Redis } from "ioredis";
import { FakeGitHub } from "./helpers/fake-github.js";
import { startApp, testCredentials, type AppProcess } from "./observability/app-process.js";
import { ensureBuilt } from "./e2e/main-process.js";
import { hasRedisServer, startRedisServer, type RedisServer } from "./helpers/redis-server.js";
import { createRedisRedeliveryStore } from "../src/redelivery/redis-store.js";

// Two replicas share one real redis-server and scan one fake GitHub's failed deliveries at the
// same time, every second: the Redis lock lets one scan at a time and the shared state remembers
// what was requested, so each failed delivery is redelivered once in total. Skipped with a note
// when the `redis-server` binary is missing.

const available = hasRedisServer();
if (!available) console.warn("test/redelivery-redis.test.ts skipped: no `redis-server` binary (apt-get install redis-server).");
const describeWithRedis = available ? describe : describe.skip;

async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const scanLines = (app: AppProcess) =>
  app.output().flatMap((line) => {
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      return entry.event === "redelivery-scan" ? [entry] : [];
    } catch {
      return [];
    }
  });

describeWithRedis("redelivery scans of two replicas sharing redis", () => {
  const gh = new FakeGitHub();
  const credentials = testCredentials();
  let server: RedisServer;
  let redis: Redis;
  let github: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let redisUrl: string;
  const apps: AppProcess[] = [];
  const failed: number[] = [];

  beforeAll(async () => {
    ensureBuilt();
    server = await startRedisServer();
    redis = server.client;
    redisUrl = server.url;
    const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    for (let i = 0; i < 30; i++) {
      const delivery = gh.hookDeliveries.add({ delivered_at: ago(60 - i), ...(i % 6 === 0 ? { status: "timed out", status_code: 0 } : {}) });
      if (i % 6 === 0) failed.push(delivery.id);
    }
    // Each redelivery request takes a while, so a scan holds the lock for seconds.
    gh.beforeRequest = async (request) => {
      if (request.path.endsWith("/attempts")) await new Promise((resolve) => setTimeout(resolve, 300));
    };
    github = await gh.listen();
    const env = { ...credentials, NODE_ENV: "production", LOG_FORMAT: "json", REDIS_URL: redisUrl, GHE_HOST: github.host, GHE_PROTOCOL: "http", REDELIVERY_INTERVAL: "1" };
    apps.push(...(await Promise.all([startApp({ cwd: process.cwd(), env }), startApp({ cwd: process.cwd(), env })])));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop("SIGKILL")));
    await server?.stop();
    await github?.close();
  });

  it("requests each failed delivery once in total, one replica scanning at a time", async () => {
    expect(failed).toHaveLength(5);
    await until("every failed delivery to be redelivered", () => gh.hookDeliveries.redelivered.length >= failed.length);
    // Both replicas keep scanning every second: let each finish a few more scans.
    const done = apps.map((app) => scanLines(app).length);
    await until("three more scans on each replica", () => apps.every((app, i) => scanLines(app).length >= (done[i] as number) + 3));

    expect([...gh.hookDeliveries.redelivered].sort()).toEqual([...failed].sort());
    const lines = apps.flatMap(scanLines);
    expect(lines.filter((line) => line.outcome === "error")).toEqual([]);
    // The replicas did contend for the lock: some scans found the other one scanning.
    expect(lines.some((line) => line.outcome === "locked")).toBe(true);
    expect(lines.reduce((sum, line) => sum + (Number(line.requested) || 0), 0)).toBe(failed.length);
    // The shared state: the requested guids and the cursor, under the app id.
    expect(await redis.zcard("plan-hygiene:redelivery:1:requested")).toBe(failed.length);
    expect(await redis.get("plan-hygiene:redelivery:1:cursor")).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(await Promise.all(apps.map((app) => app.stop("SIGTERM")))).toEqual([0, 0]);
  }, 90_000);

  it("the store's lock: one holder at a time, released and extended only by its holder", async () => {
    const errors: Error[] = [];
    const [a, b] = [createRedisRedeliveryStore(redisUrl, "lock-test", (e) => errors.push(e)), createRedisRedeliveryStore(redisUrl, "lock-test", (e) => errors.push(e))];
    const key = "plan-hygiene:redelivery:lock-test:lock";
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => Promise<boolean>;
    const first = a.exclusive(async (h) => {
      holding = h;
      await held;
      return "first";
    });
    await until("the first scan to take the lock", async () => (await redis.exists(key)) === 1);
    expect(await b.exclusive(async () => "second")).toEqual({ ran: false });
    expect(await holding()).toBe(true);
    expect(await redis.pttl(key)).toBeGreaterThan(50_000);
    await redis.set(key, "someone-else"); // the lock expired and another replica took it
    expect(await holding()).toBe(false);
    release();
    expect(await first).toEqual({ ran: true, value: "first" });
    expect(await redis.get(key)).toBe("someone-else"); // not released: it was not ours any more
    await redis.del(key);
    expect(await b.exclusive(async () => "second")).toEqual({ ran: true, value: "second" });
    expect(await redis.exists(key)).toBe(0);
    await Promise.all([a.close(), b.close()]);
    expect(errors).toEqual([]);
  });
});
