import { Redis } from "ioredis";
import { takeLease } from "../redis/lease.js";
import { REQUESTED_RETENTION_MS, type RedeliveryStore } from "./store.js";

/** A scan holds the lock this long past its last sign of life (refreshed before every request). */
export const LOCK_TTL_MS = 60_000;

/**
 * Redelivery state shared by every replica through Redis: the cursor (a string), the requested
 * guids (a sorted set scored by request time, trimmed to the retention window) and a lock
 * (`src/redis/lease.ts`, a random token per scan) so one replica scans at a time. Keys are
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
      const lease = await takeLease(redis, keys.lock, LOCK_TTL_MS);
      if (!lease) return { ran: false };
      try {
        return { ran: true, value: await scan(lease.extend) };
      } finally {
        await lease.release();
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
