import type { GitHubClient, Logger } from "../github/client.js";
import { listHookDeliveries } from "../github/list-hook-deliveries.js";
import { redeliverHookDelivery } from "../github/redeliver-hook-delivery.js";
import { decideRedeliveries, type HookDelivery } from "../core/decide-redeliveries.js";
import { redeliveryWindowStart } from "../core/redelivery-window.js";
import type { AppMetrics } from "../observability/app-metrics.js";
import { describeScanError } from "./describe-scan-error.js";
import type { RedeliveryStore } from "./store.js";

export interface RedeliveryScanDeps {
  /** the app's JWT-authenticated client (`probot.auth()` without an installation id) */
  appOctokit: () => Promise<Pick<GitHubClient, "paginate" | "request">>;
  store: RedeliveryStore;
  log: Logger;
  metrics: Pick<AppMetrics, "redeliveryScans" | "redeliveriesRequested" | "redeliveryErrors">;
  /** true once the process is shutting down: no further redelivery is requested */
  stopping?: () => boolean;
  now?: () => number;
}

export type RedeliveryScanOutcome = "ok" | "error" | "locked";

/**
 * One catch-up scan: list the app's deliveries since the cursor, request a redelivery of each
 * failed event not requested before, move the cursor. Logs one line; never throws.
 */
export async function scanFailedDeliveries(deps: RedeliveryScanDeps): Promise<RedeliveryScanOutcome> {
  const now = deps.now ?? Date.now;
  const started = performance.now();
  const base = { event: "redelivery-scan" };
  try {
    const result = await deps.store.exclusive(async (holding) => {
      const state = await deps.store.read(now());
      const since = redeliveryWindowStart(state.cursor, now());
      const octokit = await deps.appOctokit();
      const listed = await listHookDeliveries(octokit, { since });
      const decision = decideRedeliveries(listed.deliveries, { since, requested: state.requested });
      let requested = 0;
      let errors = 0;
      let firstError: string | undefined;
      let interrupted = false;
      for (const delivery of decision.redeliver) {
        if (deps.stopping?.() || !(await holding())) {
          interrupted = true;
          break;
        }
        await deps.store.markRequested(delivery.guid, now());
        try {
          await redeliverHookDelivery(octokit, delivery.id);
          requested += 1;
          deps.metrics.redeliveriesRequested.inc();
        } catch (error) {
          errors += 1;
          deps.metrics.redeliveryErrors.inc();
          firstError ??= refusedRedelivery(delivery, error);
        }
      }
      const newest = listed.deliveries.reduce<string | null>((max, d) => (max === null || Date.parse(d.delivered_at) > Date.parse(max) ? d.delivered_at : max), null);
      if (!interrupted && newest !== null && (state.cursor === null || !(Date.parse(state.cursor) >= Date.parse(newest)))) await deps.store.setCursor(newest);
      return {
        listed: decision.listed,
        failed: decision.failed,
        requested,
        skipped: decision.succeededSince + decision.alreadyRequested,
        skippedSucceeded: decision.succeededSince,
        skippedAlreadyRequested: decision.alreadyRequested,
        errors,
        ...(firstError ? { error: firstError } : {}),
        ...(interrupted ? { interrupted: true } : {}),
        pages: listed.pages,
        truncated: listed.truncated,
        ...(listed.malformed ? { malformed: listed.malformed } : {}),
        since: new Date(since).toISOString(),
      };
    });
    const durationMs = Math.round(performance.now() - started);
    if (!result.ran) {
      deps.metrics.redeliveryScans.inc({ outcome: "locked" });
      deps.log.info({ ...base, outcome: "locked", durationMs }, "redelivery scan skipped: another replica is scanning");
      return "locked";
    }
    const r = result.value;
    deps.metrics.redeliveryScans.inc({ outcome: "ok" });
    const fields = { ...base, outcome: "ok", ...r, durationMs };
    const message = `redelivery scan: ${r.requested} of ${r.failed} failed deliveries redelivered (${r.listed} listed since ${r.since}, ${r.skipped} skipped${r.errors ? `, ${r.errors} refused` : ""}${r.truncated ? ", page limit reached" : ""}) in ${durationMs} ms`;
    if (r.errors) deps.log.warn(fields, message);
    else deps.log.info(fields, message);
    return "ok";
  } catch (error) {
    deps.metrics.redeliveryScans.inc({ outcome: "error" });
    const message = describeScanError(error);
    deps.log.error({ ...base, outcome: "error", error: message, durationMs: Math.round(performance.now() - started) }, `redelivery scan failed: ${message}`);
    return "error";
  }
}

/** Why one redelivery request failed; it is not asked for again, so say how to do it by hand. */
function refusedRedelivery(delivery: HookDelivery, error: unknown): string {
  const e = error as { status?: number; message?: string };
  const answer = typeof e.status === "number" ? `GitHub answered ${e.status} (${String(e.message ?? "").split("\n")[0]})` : `the request failed (${String(e.message ?? error).split("\n")[0]})`;
  return `redelivery of delivery ${delivery.id} (${delivery.event}${delivery.action ? `.${delivery.action}` : ""}, guid ${delivery.guid}): ${answer}; not retried: redeliver it from the app's "Advanced" settings page if it matters`;
}
