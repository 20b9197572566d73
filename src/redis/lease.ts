import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

// A lease on one Redis key shared by every replica: taken with SET NX PX under a random token,
// extended and released only by its holder (compare-and-act in Lua), lapsing `ttlMs` after its
// holder's last sign of life — so a killed holder never blocks the others for longer than that.
// Used for one job per installation (src/queue) and one redelivery scan at a time (src/redelivery).

const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

export interface Lease {
  /** pushes the expiry `ttlMs` ahead; false when the lease lapsed and someone else may hold the key */
  extend(): Promise<boolean>;
  /** gives the key up (only if still held) and stops any automatic extension */
  release(): Promise<void>;
}

/**
 * Takes the lease on `key`, or returns null when another holder has it. With `extendEvery`, the
 * lease is extended on that interval until released (for work that cannot check in itself).
 */
export async function takeLease(redis: Redis, key: string, ttlMs: number, options: { extendEvery?: number } = {}): Promise<Lease | null> {
  const token = randomUUID();
  if ((await redis.set(key, token, "PX", ttlMs, "NX")) !== "OK") return null;
  const extend = async () => Number(await redis.eval(EXTEND, 1, key, token, String(ttlMs))) === 1;
  const timer = options.extendEvery ? setInterval(() => void extend().catch(() => undefined), options.extendEvery) : null;
  timer?.unref();
  return {
    extend,
    async release() {
      if (timer) clearInterval(timer);
      await redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    },
  };
}
