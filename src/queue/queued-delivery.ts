/** A verified webhook delivery as it waits in the queue: what `probot.receive` needs. */
export interface QueuedDelivery {
  id: string;
  name: string;
  payload: unknown;
}

/** Redis keys of the queue's bookkeeping (beside BullMQ's own `plan-hygiene:deliveries:*`). */
export const queueKeys = {
  prefix: "plan-hygiene",
  queue: "deliveries",
  /** set once per delivery id for a day: a GitHub redelivery of a handled id is not queued again */
  delivery: (id: string) => `plan-hygiene:delivery:${id}`,
  /** the newest delivery of a pull request (its id and `updated_at`): older checks are dropped */
  newest: (pull: string) => `plan-hygiene:newest:${pull}`,
  /** the lease that runs one job per installation at a time */
  installation: (id: string) => `plan-hygiene:installation:${id}`,
};
