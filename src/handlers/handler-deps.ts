import type { ParseCache } from "../core/parse-cache.js";
import type { PerPullRequest } from "./per-pull-request.js";
import type { DashboardScheduler } from "./dashboard-scheduler.js";

/** What the PR-check handlers share: the parse cache and the "was this our own doing?" test. */
export interface HandlerDeps {
  cache: ParseCache;
  /** true when the webhook's sender is this app's bot user (its own commits/comments): ignore */
  isOwnEvent: (sender: { login?: string; type?: string } | null | undefined) => Promise<boolean>;
  /** one check per PR at a time, coalesced to the newest delivery; repeated delivery ids do nothing (absent: no serialisation) */
  serial?: PerPullRequest;
  /** the plan dashboard: PR events that change or name a plan ask it for an update */
  dashboard?: DashboardScheduler;
}

/** A delivery summary the handlers return (read by the observability wrapper). */
export interface HandlerNote {
  outcome: "ok" | "skipped";
  plans?: number;
  reason?: string;
}
