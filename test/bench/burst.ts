import { generateKeyPairSync, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { fakeGitHubEnv, sendWebhook, startMain, type MainProcess } from "../e2e/main-process.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { isThrottled } from "../helpers/throttled.js";

// Issue 15's burst: `prs` pull_request.opened deliveries, one per repository of ONE installation,
// sent at once to the real server (`node lib/main.js`, production mode, Probot's throttle and
// retry plugins on) against the fake GitHub over HTTP. Measures reply latency per delivery, the
// time until every PR has a completed "Plan hygiene" run and its sticky comment, and the requests
// it took. Only HTTP and the fake's state are observed, so it measures the in-process server and
// the queued one (REDIS_URL) alike.

const MARKER = "<!-- plan-hygiene:summary -->";
/** after the last check completed, trailing requests (none expected) are counted for this long */
const QUIET_MS = 1000;

// One plan with findings (an open question while In Progress, a phase without a gate), so every
// PR gets a check run AND a sticky comment under the default `comment.mode`.
const PLAN = [
  "# Implementation Plan: Burst repository",
  "",
  "**Status:** In Progress",
  "",
  "## Overview",
  "",
  "Exercise the app under a burst.",
  "",
  "## Implementation Phases",
  "",
  "### Phase 1: First step",
  "",
  "**Changes Required**:",
  "1. **File**: `src/app.ts`",
  "",
  "**Success Criteria**:",
  "- **Automated**:",
  "  - [ ] Tests pass",
  "",
  "## Open Questions",
  "",
  "- Which queue backs the burst?",
  "",
  "## Change Log",
  "",
  "| Date | Author | Change |",
  "|------|--------|--------|",
  "| 2026-12-01 | @dana | Initial draft |",
  "",
].join("\n");

export interface BurstOptions {
  prs: number;
  /** REDIS_URL for the server (a running redis-server), or none */
  redisUrl?: string;
  /** gives up waiting for the checks after this long */
  timeoutMs: number;
}

export interface BurstResult {
  prs: number;
  deliveries: number;
  /** from the first send until every PR has a completed run and a sticky comment (null: timed out) */
  completedMs: number | null;
  replyMs: { p50: number; p95: number; max: number };
  statuses: Record<string, number>;
  throttled: number;
  requests: number;
  /** installation-token and other /app requests (not in `requests`) */
  appRequests: number;
  comments: number;
  completedRuns: number;
  /** requests the fake answered as GitHub would reject them (schema / OpenAPI): must be 0 */
  rejected: number;
}

export async function runBurst(options: BurstOptions): Promise<BurstResult> {
  const gh = new FakeGitHub();
  const repos = Array.from({ length: options.prs }, (_, i) => `octo-org/burst-${String(i + 1).padStart(3, "0")}`);
  const heads = new Map<string, string>();
  for (const repo of repos) {
    gh.addRepo(repo, { files: { "README.md": "# r\n" } });
    heads.set(repo, gh.commit(repo, "work", { "docs/plans/burst.md": PLAN, "src/app.ts": "export {};\n" }));
    gh.openPullRequest(repo, { head: "work", title: "Burst" });
  }
  const payloads = repos.map((repo) => pullRequestPayload(gh, repo, 1, "opened"));
  const api = await gh.listen();
  let main: MainProcess | undefined;
  try {
    const secret = randomBytes(24).toString("hex");
    const privateKey = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    // The dashboard (debounced 30 s) is another event's cost: kept out of this measurement.
    const env = { ...fakeGitHubEnv(gh, api, secret, privateKey), LOG_FORMAT: "json", DASHBOARD_DEBOUNCE_SECONDS: "3600", ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}) };
    const starting = startMain(env);
    main = await Promise.race([starting, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("lib/main.js did not log its listening address within 30 s")), 30_000))]).catch(async (error: unknown) => {
      await stopMain(await Promise.race([starting, Promise.resolve(undefined)]).catch(() => undefined));
      throw error;
    });
    gh.clearRequests();

    const done = (repo: string) =>
      gh.checkRuns(repo, heads.get(repo)).some((r) => r.name === "Plan hygiene" && r.status === "completed") && gh.comments(repo, 1).some((c) => c.body.startsWith(MARKER));
    const started = performance.now();
    const replies = payloads.map(async (payload) => {
      const sent = performance.now();
      try {
        const res = await sendWebhook(main!.url, secret, "pull_request", payload, {});
        await res.text();
        return { ms: performance.now() - sent, status: String(res.status) };
      } catch (error) {
        return { ms: performance.now() - sent, status: `error: ${(error as Error).message}` };
      }
    });
    let completedMs: number | null = null;
    const deadline = started + options.timeoutMs;
    while (performance.now() < deadline) {
      if (repos.every(done)) {
        completedMs = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const answered = await Promise.race([Promise.all(replies), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1000, deadline - performance.now())))]);
    await quiet(gh, QUIET_MS, 10 * QUIET_MS);
    const latencies = (answered ?? []).map((r) => r.ms).sort((a, b) => a - b);
    const statuses: Record<string, number> = {};
    for (const r of answered ?? []) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (!answered) statuses["no reply in time"] = payloads.length;
    const requests = gh.apiRequests();
    return {
      prs: options.prs,
      deliveries: payloads.length,
      completedMs,
      replyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), max: latencies[latencies.length - 1] ?? NaN },
      statuses,
      throttled: requests.filter(isThrottled).length,
      requests: requests.length,
      appRequests: gh.requests.length - requests.length,
      comments: repos.reduce((n, repo) => n + gh.comments(repo, 1).filter((c) => c.body.startsWith(MARKER)).length, 0),
      completedRuns: repos.reduce((n, repo) => n + gh.checkRuns(repo, heads.get(repo)).filter((r) => r.name === "Plan hygiene" && r.status === "completed").length, 0),
      rejected: gh.graphqlErrors.length + gh.restErrors.length,
    };
  } finally {
    await stopMain(main);
    await api.close();
  }
}

/** The row of the bench's burst table for one variant. */
export function burstRow(variant: string, r: BurstResult): string[] {
  const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : "–");
  const completed = r.completedMs === null ? "timed out" : `${(r.completedMs / 1000).toFixed(1)} s`;
  return [
    variant,
    String(r.deliveries),
    completed,
    r.completedMs === null ? "–" : (r.completedMs / 1000 / r.prs).toFixed(2),
    r.completedMs === null ? "–" : (r.prs / (r.completedMs / 1000)).toFixed(2),
    `${ms(r.replyMs.p50)} / ${ms(r.replyMs.p95)} / ${ms(r.replyMs.max)}`,
    (r.throttled / r.prs).toFixed(2),
    (r.requests / r.prs).toFixed(2),
    `${r.comments} / ${r.completedRuns}`,
  ];
}

export const BURST_HEADER = ["variant", "deliveries", "all checks done", "s/PR", "PRs/s", "reply p50 / p95 / max", "throttled/PR", "requests/PR", "comments / runs"];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

/** Waits until the fake has seen no request for `quietMs` (at most `maxMs`). */
async function quiet(gh: FakeGitHub, quietMs: number, maxMs: number): Promise<void> {
  const until = performance.now() + maxMs;
  let count = gh.requests.length;
  let since = performance.now();
  while (performance.now() < until && performance.now() - since < quietMs) {
    await new Promise((r) => setTimeout(r, 100));
    if (gh.requests.length !== count) {
      count = gh.requests.length;
      since = performance.now();
    }
  }
}

/** SIGTERM, SIGKILL after 3 s (nothing of a finished burst is left to drain; a timed-out one is not waited for). */
async function stopMain(main: MainProcess | undefined): Promise<void> {
  if (!main || main.child.exitCode !== null || main.child.signalCode !== null) return;
  main.child.kill("SIGTERM");
  const timer = setTimeout(() => main.child.kill("SIGKILL"), 3000);
  await main.exited;
  clearTimeout(timer);
}
