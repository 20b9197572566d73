import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { corpusPlan } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { hasRedisServer, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { sendWebhook, ensureBuilt } from "../e2e/main-process.js";
import { startApp, testCredentials, type AppProcess } from "../observability/app-process.js";

// Scale-out under a crash: two replicas of `node lib/main.js` share a real redis-server (the
// BullMQ queue, the installation leases, Probot's throttle). A burst of 30 pull_request.opened
// deliveries for 30 repositories of 5 installations is sent to both; replica A is SIGKILLed while
// it holds a job, then restarted. Every PR must end with a completed check run on its head and
// exactly one sticky comment.

const available = hasRedisServer();
if (!available) console.warn("test/queue/replica-kill.test.ts skipped: no `redis-server` binary (apt-get install redis-server).");
const describeWithRedis = available ? describe : describe.skip;

const MARKER = "<!-- plan-hygiene:summary -->";
const PRS = 30;
const INSTALLATIONS = [501, 502, 503, 504, 505];
const repoName = (n: number) => `acme/kill-${n}`;

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const json = (app: AppProcess) => app.output().flatMap((line) => { try { return [JSON.parse(line) as Record<string, any>]; } catch { return []; } });

describeWithRedis("a replica killed mid-job (REDIS_URL, two replicas)", () => {
  const gh = new FakeGitHub();
  const credentials = testCredentials();
  let redis: RedisServer;
  let github: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let env: Record<string, string>;
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    ensureBuilt();
    redis = await startRedisServer();
    for (let n = 1; n <= PRS; n++) {
      gh.addRepo(repoName(n), { files: { "README.md": "# r\n" } });
      gh.commit(repoName(n), "work", { "docs/plans/context.md": corpusPlan("018-context-enhancements.md"), "src/app.ts": "export {};\n" });
      gh.openPullRequest(repoName(n), { head: "work", title: `Context ${n}` });
    }
    github = await gh.listen();
    env = { ...credentials, NODE_ENV: "production", LOG_FORMAT: "json", REDIS_URL: redis.url, GHE_HOST: github.host, GHE_PROTOCOL: "http", QUEUE_LOCK_SECONDS: "3", REDELIVERY_INTERVAL: "0" };
    apps.push(...(await Promise.all([startApp({ cwd: process.cwd(), env }), startApp({ cwd: process.cwd(), env })])));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop("SIGKILL")));
    await redis?.stop();
    await github?.close();
  });

  it("loses nothing: the killed replica's job is taken over, every PR gets one completed run on its head and one sticky comment", async () => {
    const [a, b] = apps as [AppProcess, AppProcess];
    const workerA = await until("replica A's worker id", () => json(a).find((line) => typeof line.worker === "string")?.worker as string | undefined, 10_000);
    const started = Date.now();
    const replies = await Promise.all(
      Array.from({ length: PRS }, (_, i) => {
        const payload = pullRequestPayload(gh, repoName(i + 1), 1, "opened");
        payload.installation = { id: INSTALLATIONS[i % INSTALLATIONS.length] };
        return sendWebhook((i % 2 === 0 ? a : b).url, credentials.WEBHOOK_SECRET, "pull_request", payload, { delivery: randomUUID() });
      }),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(PRS).fill(202));
    const completed = () => Array.from({ length: PRS }, (_, i) => gh.checkRuns(repoName(i + 1), gh.branchSha(repoName(i + 1), "work")!).some((r) => r.name === "Plan hygiene" && r.status === "completed")).filter(Boolean).length;

    // Kill A at a moment it holds a job: an active job whose BullMQ lock carries A's worker id.
    await until("a few checks to complete", () => (completed() >= 3 ? true : undefined), 60_000);
    const held = await until("replica A to hold a job", async () => {
      for (const id of await redis.client.lrange("plan-hygiene:deliveries:active", 0, -1)) {
        if ((await redis.client.get(`plan-hygiene:deliveries:${id}:lock`))?.startsWith(`${workerA}:`)) return id;
      }
      return undefined;
    }, 60_000);
    await a.stop("SIGKILL");
    const doneAtKill = completed();
    const killedAt = Date.now();
    apps[0] = await startApp({ cwd: process.cwd(), env }); // restarted: its worker joins the takeover

    const commented = () => Array.from({ length: PRS }, (_, i) => gh.comments(repoName(i + 1), 1).some((c) => c.body.startsWith(MARKER))).filter(Boolean).length;
    await until("every PR to have a completed check run on its head and its sticky comment", () => (completed() === PRS && commented() === PRS ? true : undefined), 180_000);
    const finished = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 4000)); // nothing more may arrive (a comment creation waits for a 3 s slot)
    for (let n = 1; n <= PRS; n++) {
      const head = gh.branchSha(repoName(n), "work")!;
      const runs = gh.checkRuns(repoName(n), head).filter((r) => r.name === "Plan hygiene");
      expect(runs.length).toBeGreaterThan(0);
      expect(runs.every((r) => r.status === "completed")).toBe(true);
      expect(gh.comments(repoName(n), 1).filter((c) => c.body.startsWith(MARKER))).toHaveLength(1);
    }
    // The job A held ran to its end on another worker (or on A after its restart).
    const survivors = [b, apps[0]!].flatMap(json);
    const takeover = survivors.filter((line) => line.job === held && line.outcome === "ok");
    expect(takeover.length).toBeGreaterThanOrEqual(1);
    console.log(
      `replica kill: ${PRS} deliveries answered 202; A (worker ${workerA.slice(0, 8)}) killed holding job ${held} after ${doneAtKill} checks, ` +
        `${((killedAt - started) / 1000).toFixed(1)} s into the burst; all ${PRS} checks completed ${((finished - started) / 1000).toFixed(1)} s after the burst ` +
        `(${((finished - killedAt) / 1000).toFixed(1)} s after the kill); job ${held} finished by ${json(b).some((l) => l.job === held && l.outcome === "ok") ? "replica B" : "the restarted A"}; ` +
        `check runs: ${Array.from({ length: PRS }, (_, i) => gh.checkRuns(repoName(i + 1), gh.branchSha(repoName(i + 1), "work")!).length).reduce((x, y) => x + y, 0)}, sticky comments: ${PRS}`,
    );
  }, 240_000);
});
