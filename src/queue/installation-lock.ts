import type { Redis } from "ioredis";

// A lease per installation in Redis, so that across every replica one job per installation runs
// at a time (GitHub asks for serial requests per installation). Taken with SET NX PX, renewed
// while held, released only by its holder; a killed holder's lease lapses after `ttlMs`.

const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;
const RENEW = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;

export interface HeldLock {
  release(): Promise<void>;
}

/** Takes the lease `key` for `token`, or returns null when another holder has it. */
export async function takeLock(redis: Redis, key: string, token: string, ttlMs: number): Promise<HeldLock | null> {
  if ((await redis.set(key, token, "PX", ttlMs, "NX")) !== "OK") return null;
  const renew = setInterval(() => void redis.eval(RENEW, 1, key, token, String(ttlMs)).catch(() => undefined), Math.max(ttlMs / 3, 50));
  renew.unref();
  return {
    async release() {
      clearInterval(renew);
      await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    },
  };
}
