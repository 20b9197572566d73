/**
 * The queue's tuning from the environment: QUEUE_CONCURRENCY (jobs one replica runs at once,
 * default 8; one per installation across replicas whatever this says) and QUEUE_LOCK_SECONDS
 * (default 10: a crashed replica's job is taken over within about 1.5× this). A bad value is
 * one line on stderr and the default.
 */
export function queueSettings(env: NodeJS.ProcessEnv): { concurrency?: number; lockMs?: number } {
  const concurrency = whole(env, "QUEUE_CONCURRENCY", 1, 100, 8);
  const lockSeconds = whole(env, "QUEUE_LOCK_SECONDS", 2, 600, 10);
  return { ...(concurrency !== undefined ? { concurrency } : {}), ...(lockSeconds !== undefined ? { lockMs: lockSeconds * 1000 } : {}) };
}

function whole(env: NodeJS.ProcessEnv, name: string, min: number, max: number, fallback: number): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = Number(raw);
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  console.error(`plan-hygiene: ${name} must be a whole number from ${min} to ${max}; got \`${raw}\`, using ${fallback}`);
  return undefined;
}
