import type { Logger } from "pino";
import { createProbot, type Probot } from "probot";
import type { GitHubClient } from "./github/client.js";
import { createApp } from "./app.js";
import { createAppMetrics, type AppMetrics } from "./observability/app-metrics.js";
import { createLogger } from "./observability/create-logger.js";
import { withDeliveryLog } from "./observability/delivery-log.js";
import { createInFlight } from "./observability/in-flight.js";
import { createMetricsRoute, metricsEnabled } from "./observability/metrics-route.js";
import { perInstallationOctokit } from "./github/per-installation-octokit.js";
import { redeliveryInterval } from "./redelivery/interval.js";
import { createMemoryRedeliveryStore } from "./redelivery/memory-store.js";
import { createRedisRedeliveryStore } from "./redelivery/redis-store.js";
import { scanFailedDeliveries } from "./redelivery/scan.js";
import { scheduleRedeliveryScans } from "./redelivery/scheduler.js";
import { loadDotEnv } from "./setup/load-dot-env.js";
import { createDeliveryQueue, type DeliveryQueue } from "./queue/delivery-queue.js";
import { queueSettings } from "./queue/queue-settings.js";
import { createServer } from "./server.js";
import { listenAddress, startupProblems } from "./startup-env.js";
import { wholeNumberEnv } from "./whole-number-env.js";

// `npm start`: checks the environment, starts Probot's webhook middleware with /ping on
// HOST:PORT, and on SIGTERM/SIGINT stops accepting, finishes in-flight deliveries, exits 0.

const SHUTDOWN_MS = 9000;

async function main(): Promise<void> {
  loadDotEnv();
  const problems = startupProblems(process.env);
  if (problems.length > 0) {
    console.error(`plan-hygiene cannot start:\n- ${problems.join("\n- ")}`);
    process.exit(1);
  }
  const { host, port } = listenAddress(process.env);
  const log = await createLogger();
  const probot = createProbot({ env: process.env, overrides: { log, Octokit: perInstallationOctokit() } });
  const inFlight = createInFlight();
  const metrics = createAppMetrics();
  const appFn = createApp({
    wrap: (handler) => withDeliveryLog(handler, { metrics, inFlight }),
    dashboardDebounceSeconds: dashboardDebounce(process.env),
    onPullRequestSkip: (reason) => (reason === "coalesced" ? metrics.coalesced : metrics.deduplicated).inc(),
  });
  // With REDIS_URL, deliveries are verified, queued in Redis and answered at once; workers in every
  // replica run them. Without it, each delivery is handled inside its request.
  const queue: DeliveryQueue | null = process.env.REDIS_URL
    ? createDeliveryQueue({
        redisUrl: process.env.REDIS_URL,
        webhookPath: probot.webhookPath,
        verify: (body, signature) => probot.webhooks.verify(body, signature),
        receive: (delivery) => probot.receive(delivery as Parameters<typeof probot.receive>[0]),
        log: probot.log,
        metrics,
        ...queueSettings(process.env),
      })
    : null;
  const handlers = [...(metricsEnabled() ? [createMetricsRoute(metrics.registry)] : []), ...(queue ? [queue.route] : [])];
  const running = await createServer({ probot, appFn, host, port, handlers, drain: (ms) => inFlight.drain(ms) });
  queue?.start();
  probot.log.info(`plan-hygiene listening on ${running.url}${queue ? " (deliveries queued in Redis)" : ""}`);
  if (process.env.NODE_ENV !== "production" && !process.env.WEBHOOK_SECRET) {
    probot.log.warn('WEBHOOK_SECRET is not set: using "development" (never do this in production).');
  }
  const redelivery = startRedeliveryScans(probot, log, metrics);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    probot.log.info(`${signal}: finishing ${inFlight.size} in-flight deliveries, then exiting`);
    // A scan in progress requests no further redelivery; it is not waited for.
    void redelivery.stop();
    const started = Date.now();
    void running.close(SHUTDOWN_MS).then(async (served) => {
      const clean = served && (queue ? await queue.close(Math.max(SHUTDOWN_MS - (Date.now() - started), 1000)) : true);
      if (!clean) probot.log.warn("shutdown timed out with deliveries still running");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

/**
 * Catch-up after downtime: GitHub does not redeliver failed deliveries, so scan for them at start
 * and every REDELIVERY_INTERVAL seconds. With REDIS_URL the state and a lock are shared by replicas.
 */
function startRedeliveryScans(probot: Probot, log: Logger, metrics: AppMetrics): { stop: () => Promise<void> } {
  const interval = redeliveryInterval(process.env);
  if (interval.problem) console.error(interval.problem);
  if (interval.seconds === 0) return { stop: async () => undefined };
  const scanLog = log.child({ name: "redelivery" });
  const redisUrl = process.env.REDIS_URL?.trim();
  const store = redisUrl
    ? createRedisRedeliveryStore(redisUrl, process.env.APP_ID ?? "", (error) => scanLog.warn({ event: "redelivery-state", err: error }, `redelivery state: Redis error: ${error.message}`))
    : createMemoryRedeliveryStore();
  const scheduler = scheduleRedeliveryScans(interval.seconds, () =>
    scanFailedDeliveries({ appOctokit: () => probot.auth() as Promise<GitHubClient>, store, log: scanLog, metrics, stopping: () => scheduler.stopped }),
  );
  return {
    stop: async () => {
      await scheduler.stop();
      await store.close();
    },
  };
}

/** DASHBOARD_DEBOUNCE_SECONDS: the dashboard's wait before a repository's own `dashboard.debounceSeconds` is known. */
function dashboardDebounce(env: NodeJS.ProcessEnv): number | undefined {
  const { value, problem } = wholeNumberEnv(env, "DASHBOARD_DEBOUNCE_SECONDS", { min: 0, max: 3600, fallback: 30, unit: "seconds" });
  if (problem) console.error(problem);
  return value;
}

main().catch((error: unknown) => {
  console.error(`plan-hygiene failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
