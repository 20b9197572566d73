import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { coalesceKey } from "./coalesce-key.js";
import { queueKeys, type QueuedDelivery } from "./queued-delivery.js";

const DAY_SECONDS = 86_400;

// Records a PR check delivery as its PR's newest unless a delivery already recorded is newer by
// the PR's `updated_at` (a late redelivery of an old push must not win over the current head);
// a payload without `updated_at` always counts as newest.
const CLAIM_NEWEST = `
local at = redis.call("hget", KEYS[1], "at")
if at and ARGV[2] ~= "" and ARGV[2] < at then return 0 end
redis.call("hset", KEYS[1], "id", ARGV[1], "at", ARGV[2])
redis.call("expire", KEYS[1], ARGV[3])
return 1`;

export type EnqueueOutcome = "queued" | "duplicate" | "superseded";

/**
 * Puts a verified delivery in the queue, once per delivery id across every replica (GitHub's
 * redeliveries keep the id), and marks a PR check as its PR's newest. The job id is the delivery
 * id, so even a racing second add of the same id is one job.
 */
export async function enqueueDelivery(queue: Queue, redis: Redis, delivery: QueuedDelivery): Promise<EnqueueOutcome> {
  if ((await redis.set(queueKeys.delivery(delivery.id), "1", "EX", DAY_SECONDS, "NX")) !== "OK") return "duplicate";
  try {
    const pull = coalesceKey(delivery.name, delivery.payload);
    if (pull) {
      const updatedAt = (delivery.payload as { pull_request?: { updated_at?: unknown } }).pull_request?.updated_at;
      const claimed = await redis.eval(CLAIM_NEWEST, 1, queueKeys.newest(pull), delivery.id, typeof updatedAt === "string" ? updatedAt : "", String(DAY_SECONDS));
      if (claimed === 0) return "superseded";
    }
    await queue.add(delivery.name, delivery, { jobId: delivery.id });
    return "queued";
  } catch (error) {
    await redis.del(queueKeys.delivery(delivery.id)).catch(() => undefined); // not queued: let GitHub's redelivery try again
    throw error;
  }
}
