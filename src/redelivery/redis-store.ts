import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { REQUESTED_RETENTION_MS, type RedeliveryStore } from "./store.js";

/** A scan holds the lock this long past its last sign of life (refreshed before every request). */
export const LOCK_TTL_MS = 60_000;

// Compare-and-act on the lock's token, so only its holder extends or releases it.
const EXTEND = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("pexpire", KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call("get", KEYS[1]) == ARGV[1] then return redis.call("del", KEYS[1]) else return 0 end`;

/**
 * Redelivery state shared by every replica through Redis: the cursor (a string), the requested
 * guids (a sorted set scored by request time, trimmed to the retention window) and a lock
 * (`SET … NX PX`, a random token per scan) so one replica scans at a time. Keys are
 * `plan-hygiene:redelivery:<app id>:*`.
 */
export function createRedisRedeliveryStore(url: string, appId: string, onError: (error: Error) => void): RedeliveryStore {
  const redis = new Redis(url, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  // ioredis reports every failed reconnect: one line per distinct error a minute is enough.
  let last = { message: "", at: 0 };
  redis.on("error", (error: Error) => {
    const now = Date.now();
    if (error.message === last.message && now - last.at < 60_000) return;
    last = { message: error.message, at: now };
    onError(error);
  });
  const prefix = `plan-hygiene:redelivery:${appId}`;
  const keys = { lock: `${prefix}:lock`, cursor: `${prefix}:cursor`, requested: `${prefix}:requested` };
  return {
    async exclusive(scan) {
      const token = randomUUID();
      if ((await redis.set(keys.lock, token, "PX", LOCK_TTL_MS, "NX")) !== "OK") return { ran: false };
      try {
        return { ran: true, value: await scan(async () => Number(await redis.eval(EXTEND, 1, keys.lock, token, String(LOCK_TTL_MS))) === 1) };
      } finally {
        await redis.eval(RELEASE, 1, keys.lock, token).catch(() => undefined);
      }
    },
    async read(now) {
      await redis.zremrangebyscore(keys.requested, "-inf", String(now - REQUESTED_RETENTION_MS));
      const [cursor, requested] = await Promise.all([redis.get(keys.cursor), redis.zrange(keys.requested, 0, -1)]);
      return { cursor, requested: new Set(requested) };
    },
    async markRequested(guid, now) {
      await redis.zadd(keys.requested, String(now), guid);
    },
    async setCursor(cursor) {
      await redis.set(keys.cursor, cursor, "PX", REQUESTED_RETENTION_MS);
    },
    async close() {
      redis.disconnect();
    },
  };
}
