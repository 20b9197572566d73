/** One item of `GET /app/hook/deliveries` (the fields the decision reads). */
export interface HookDelivery {
  id: number;
  /** the event's id: shared by a delivery and all its redeliveries */
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  /** "OK" when the app answered 2xx in time; anything else ("Invalid HTTP Response: 503", "timed out", …) failed */
  status: string;
  status_code: number;
  event: string;
  action: string | null;
}

export interface RedeliveryDecision {
  /** one delivery per failed event, oldest first (so events are replayed in the order they happened) */
  redeliver: HookDelivery[];
  /** deliveries delivered at or after `since` */
  listed: number;
  /** events (guids) with a failed delivery in the window */
  failed: number;
  /** failed events left alone because one of their deliveries (original or redelivery) succeeded */
  succeededSince: number;
  /** failed events whose redelivery was already requested (each event is redelivered at most once) */
  alreadyRequested: number;
}

/**
 * Which deliveries to redeliver, following GitHub's sample script ("Automatically redelivering
 * failed deliveries for a GitHub App webhook"): group the deliveries since the cursor by guid;
 * a guid none of whose deliveries has status "OK" failed; redeliver one of its deliveries, unless
 * its redelivery was requested before (`requested`), so a redelivery that fails too is not
 * retried forever.
 */
export function decideRedeliveries(deliveries: readonly HookDelivery[], options: { since: number; requested: ReadonlySet<string> }): RedeliveryDecision {
  const inWindow = deliveries.filter((d) => Date.parse(d.delivered_at) >= options.since);
  const byGuid = new Map<string, HookDelivery[]>();
  for (const delivery of inWindow) {
    const group = byGuid.get(delivery.guid);
    if (group) group.push(delivery);
    else byGuid.set(delivery.guid, [delivery]);
  }
  const redeliver: HookDelivery[] = [];
  let failed = 0;
  let succeededSince = 0;
  let alreadyRequested = 0;
  for (const [guid, group] of byGuid) {
    if (!group.some((d) => d.status !== "OK")) continue;
    failed += 1;
    if (group.some((d) => d.status === "OK")) succeededSince += 1;
    else if (options.requested.has(guid)) alreadyRequested += 1;
    else redeliver.push(newest(group));
  }
  redeliver.sort((a, b) => Date.parse(a.delivered_at) - Date.parse(b.delivered_at) || a.id - b.id);
  return { redeliver, listed: inWindow.length, failed, succeededSince, alreadyRequested };
}

function newest(group: readonly HookDelivery[]): HookDelivery {
  return group.reduce((a, b) => (Date.parse(b.delivered_at) > Date.parse(a.delivered_at) || (b.delivered_at === a.delivered_at && b.id > a.id) ? b : a));
}
