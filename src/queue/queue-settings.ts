import { wholeNumberEnv } from "../whole-number-env.js";

/**
 * The queue's tuning from the environment: QUEUE_CONCURRENCY (jobs one replica runs at once,
 * default 8; one per installation across replicas whatever this says) and QUEUE_LOCK_SECONDS
 * (default 10: a crashed replica's job is taken over within about 1.5× this). A bad value is
 * one line on stderr and the default.
 */
export function queueSettings(env: NodeJS.ProcessEnv): { concurrency?: number; lockMs?: number } {
  const concurrency = wholeNumberEnv(env, "QUEUE_CONCURRENCY", { min: 1, max: 100, fallback: 8 });
  const lock = wholeNumberEnv(env, "QUEUE_LOCK_SECONDS", { min: 2, max: 600, fallback: 10, unit: "seconds" });
  for (const { problem } of [concurrency, lock]) if (problem) console.error(problem);
  return { ...(concurrency.value !== undefined ? { concurrency: concurrency.value } : {}), ...(lock.value !== undefined ? { lockMs: lock.value * 1000 } : {}) };
}
