import { REQUESTED_RETENTION_MS, type RedeliveryStore } from "./store.js";

/** One process's redelivery state: lost on restart (the next start looks back 24 h again). */
export function createMemoryRedeliveryStore(): RedeliveryStore {
  let cursor: string | null = null;
  const requested = new Map<string, number>();
  let busy = false;
  return {
    async exclusive(scan) {
      if (busy) return { ran: false };
      busy = true;
      try {
        return { ran: true, value: await scan(async () => true) };
      } finally {
        busy = false;
      }
    },
    async read(now) {
      for (const [guid, at] of requested) if (at < now - REQUESTED_RETENTION_MS) requested.delete(guid);
      return { cursor, requested: new Set(requested.keys()) };
    },
    async markRequested(guid, now) {
      requested.set(guid, now);
    },
    async setCursor(value) {
      cursor = value;
    },
    async close() {},
  };
}
