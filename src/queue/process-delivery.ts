import { DelayedError, UnrecoverableError, type Job } from "bullmq";
import type { Redis } from "ioredis";
import { takeLease } from "../redis/lease.js";
import { coalesceKey, installationKey } from "./coalesce-key.js";
import { queueKeys, type QueuedDelivery } from "./queued-delivery.js";
import { isTransient } from "./transient-error.js";

export type JobOutcome = "ok" | "coalesced";

export interface ProcessDeliveryDeps {
  redis: Redis;
  /** hands the delivery to the app's handlers (Probot's `receive`) */
  receive: (delivery: QueuedDelivery) => Promise<void>;
  /** the installation lease's lifetime; renewed while the job runs, lapses this long after a crash */
  lockMs: number;
  /** after each attempt that ran (not the ones put back to wait for their installation) */
  onAttempt?: (facts: { job: Job<QueuedDelivery>; outcome: JobOutcome | "retry" | "failed"; waitMs: number; runMs: number; error?: unknown }) => void;
}

const RETRY_LATER_MS = 250;

/**
 * The worker's step for one job: wait for the installation's turn (another job of it running on
 * any replica puts this one back for a moment), drop a PR check that a newer delivery of the same
 * PR supersedes, else run the handlers. A transient failure is thrown for BullMQ to retry with
 * backoff; any other failure is final (UnrecoverableError): it got a definite answer.
 */
export function processDelivery(deps: ProcessDeliveryDeps) {
  return async (job: Job<QueuedDelivery>, token?: string): Promise<JobOutcome> => {
    const lock = await takeLease(deps.redis, queueKeys.installation(installationKey(job.data.payload)), deps.lockMs, { extendEvery: Math.max(deps.lockMs / 3, 50) });
    if (!lock) {
      await job.moveToDelayed(Date.now() + RETRY_LATER_MS + Math.floor(Math.random() * RETRY_LATER_MS), token);
      throw new DelayedError();
    }
    const started = Date.now();
    const waitMs = started - job.timestamp;
    const facts = () => ({ job, waitMs, runMs: Date.now() - started });
    try {
      const pull = coalesceKey(job.data.name, job.data.payload);
      if (pull && (await deps.redis.hget(queueKeys.newest(pull), "id")) !== job.data.id) {
        deps.onAttempt?.({ ...facts(), outcome: "coalesced" });
        return "coalesced";
      }
      await deps.receive(job.data);
      deps.onAttempt?.({ ...facts(), outcome: "ok" });
      return "ok";
    } catch (error) {
      const retry = isTransient(error) && job.attemptsMade + 1 < (job.opts.attempts ?? 1);
      deps.onAttempt?.({ ...facts(), outcome: retry ? "retry" : "failed", error });
      if (retry) throw error;
      await deps.redis.del(queueKeys.delivery(job.data.id)).catch(() => undefined); // a redelivery from GitHub may try again
      throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
    } finally {
      await lock.release();
    }
  };
}
