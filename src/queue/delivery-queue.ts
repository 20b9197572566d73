import { Queue, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { AppMetrics } from "../observability/app-metrics.js";
import { scrubSecrets } from "../observability/scrub-secrets.js";
import { enqueueDelivery } from "./enqueue-delivery.js";
import { createEnqueueRoute } from "./enqueue-route.js";
import { processDelivery, type JobOutcome } from "./process-delivery.js";
import { queueKeys, type QueuedDelivery } from "./queued-delivery.js";
import { retryDelayMs } from "./transient-error.js";

type Log = { info(fields: object, msg: string): void; warn(fields: object, msg: string): void; error(fields: object, msg: string): void };

export interface DeliveryQueueOptions {
  redisUrl: string;
  webhookPath: string;
  verify: (body: string, signature: string) => Promise<boolean>;
  receive: (delivery: QueuedDelivery) => Promise<void>;
  log: Log;
  metrics?: AppMetrics;
  /** jobs this replica runs at once (of different installations; one per installation across replicas) */
  concurrency?: number;
  /** BullMQ's job lock and the installation lease: a crashed replica's job is taken over within ~1.5× this */
  lockMs?: number;
  /** attempts per job (transient failures only) */
  attempts?: number;
}

export interface DeliveryQueue {
  /** the webhook route: verify, queue, answer (before the webhook middleware) */
  route: ReturnType<typeof createEnqueueRoute>;
  /** starts this replica's worker: call once the app's handlers are loaded */
  start(): void;
  /** stops taking jobs, waits for the running ones (at most `timeoutMs`), closes the connections */
  close(timeoutMs: number): Promise<boolean>;
}

const DEPTH_EVERY_MS = 5000;

/**
 * The durable delivery queue used when REDIS_URL is set: the HTTP handler verifies and queues
 * (BullMQ, job id = delivery id) and answers within milliseconds; every replica's worker takes
 * jobs, one per installation at a time across replicas, retries transient failures with
 * GitHub's retry-after, and takes over the jobs of a replica that died (BullMQ's stalled-job check).
 */
export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const lockMs = options.lockMs ?? 10_000;
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 2 });
  const queueConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null });
  for (const connection of [redis, queueConnection]) connection.on("error", (error) => options.log.warn({ err: scrubSecrets(error.message) }, "plan-hygiene: redis connection error"));
  // A job that failed for good is removed at once (its log line is the record): a job id left in
  // Redis would make BullMQ ignore GitHub's redelivery of that delivery.
  const queue = new Queue<QueuedDelivery>(queueKeys.queue, {
    connection: queueConnection,
    prefix: queueKeys.prefix,
    defaultJobOptions: { attempts: options.attempts ?? 5, backoff: { type: "github" }, removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: true },
  });
  const { metrics, log } = options;
  const onAttempt = ({ job, outcome, waitMs, runMs, error }: { job: Job<QueuedDelivery>; outcome: JobOutcome | "retry" | "failed"; waitMs: number; runMs: number; error?: unknown }) => {
    metrics?.jobs.inc({ outcome });
    metrics?.jobWait.observe({}, waitMs / 1000);
    metrics?.jobRun.observe({}, runMs / 1000);
    if (outcome === "retry") metrics?.jobRetries.inc();
    if (outcome === "coalesced") metrics?.coalesced.inc();
    const fields = { job: job.id, event: job.data.name, attempt: job.attemptsMade + 1, waitMs, runMs, outcome, ...(error ? { error: scrubSecrets(error instanceof Error ? error.message : String(error)) } : {}) };
    const msg = `job ${job.id} (${job.data.name}): ${outcome} after ${waitMs} ms waiting, ${runMs} ms running`;
    if (outcome === "failed") log.error(fields, msg);
    else if (outcome === "retry") log.warn(fields, msg);
    else log.info(fields, msg);
  };
  let worker: Worker<QueuedDelivery> | null = null;
  let workerConnection: Redis | null = null;
  let depthTimer: NodeJS.Timeout | null = null;
  const refreshDepth = async () => {
    const counts = await queue.getJobCounts("waiting", "delayed", "active").catch(() => null);
    if (counts) for (const [state, n] of Object.entries(counts)) metrics?.queueDepth.set({ state }, n);
  };
  return {
    route: createEnqueueRoute({
      path: options.webhookPath,
      verify: options.verify,
      enqueue: async (delivery) => {
        const outcome = await enqueueDelivery(queue, redis, delivery);
        if (outcome === "duplicate") metrics?.deduplicated.inc();
        if (outcome === "superseded") metrics?.coalesced.inc();
        log.info({ delivery: delivery.id, event: delivery.name, queued: outcome }, `delivery ${delivery.id} (${delivery.name}): ${outcome}`);
        return outcome;
      },
      onError: (error, delivery) => log.error({ delivery: delivery.id, event: delivery.name, err: scrubSecrets(error instanceof Error ? error.message : String(error)) }, `delivery ${delivery.id}: could not be queued`),
    }),
    start() {
      if (worker) return;
      worker = new Worker<QueuedDelivery>(queueKeys.queue, processDelivery({ redis, receive: options.receive, lockMs, onAttempt }), {
        connection: (workerConnection = new Redis(options.redisUrl, { maxRetriesPerRequest: null })),
        prefix: queueKeys.prefix,
        concurrency: options.concurrency ?? 8,
        lockDuration: lockMs,
        stalledInterval: Math.max(Math.round(lockMs / 2), 1000),
        maxStalledCount: 3,
        settings: { backoffStrategy: (attemptsMade: number, _type?: string, error?: Error) => retryDelayMs(attemptsMade, error) },
      });
      worker.on("error", (error) => log.warn({ err: scrubSecrets(error.message) }, "plan-hygiene: queue worker error"));
      log.info({ worker: worker.id }, `queue worker ${worker.id} started (concurrency ${options.concurrency ?? 8}, lock ${lockMs} ms)`);
      depthTimer = setInterval(() => void refreshDepth(), DEPTH_EVERY_MS);
      depthTimer.unref();
      void refreshDepth();
    },
    async close(timeoutMs) {
      if (depthTimer) clearInterval(depthTimer);
      const closing = Promise.all([worker?.close(), queue.close()]).then(() => true);
      const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
      const clean = await Promise.race([closing, timer]);
      for (const connection of [redis, queueConnection, workerConnection]) connection?.disconnect(); // BullMQ leaves connections it was given open
      return clean;
    },
  };
}
