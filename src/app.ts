import type { ApplicationFunction, Context, Probot } from "probot";
import { ParseCache } from "./core/parse-cache.js";
import type { HandlerDeps } from "./handlers/handler-deps.js";
import { checkRerequestedHandler, RERUN_EVENTS } from "./handlers/check-rerequested.js";
import { mergeGroupHandler } from "./handlers/merge-group.js";
import { planCommandHandler } from "./handlers/issue-comment.js";
import { createDashboardScheduler, type DashboardScheduler } from "./handlers/dashboard-scheduler.js";
import { appLoginLookup, ownEventDetector } from "./handlers/own-event.js";
import { pushHandler } from "./handlers/push.js";
import { pullRequestClosedHandler } from "./handlers/pull-request-closed.js";
import { pullRequestHandler, PULL_REQUEST_EVENTS } from "./handlers/pull-request.js";
import { perPullRequest } from "./handlers/per-pull-request.js";

/** Wraps every handler (delivery logging, metrics, in-flight tracking for graceful shutdown). */
export type HandlerWrapper = <C extends Context>(handler: (context: C) => Promise<unknown>) => (context: C) => Promise<unknown>;

export interface AppOptions {
  cache?: ParseCache;
  wrap?: HandlerWrapper;
  /** the app's slug, when known, saves one GET /app the first time a bot sends an event */
  slug?: string;
  /** the dashboard's debounce before a repository's own `dashboard.debounceSeconds` is known (default 30) */
  dashboardDebounceSeconds?: number;
  /** receives the dashboard scheduler (tests wait on it) */
  onDashboard?: (dashboard: DashboardScheduler) => void;
  /** told of each PR check delivery dropped in process: coalesced into a newer one, or a repeated delivery id */
  onPullRequestSkip?: (reason: "coalesced" | "duplicate") => void;
}

/** The Probot app: one line per event it handles. */
export function createApp(options: AppOptions = {}): ApplicationFunction {
  return (app: Probot) => {
    const wrap: HandlerWrapper = options.wrap ?? ((handler) => handler);
    const cache = options.cache ?? new ParseCache();
    const login = appLoginLookup(app, options.slug);
    const dashboard = createDashboardScheduler({ cache, login, defaultSeconds: options.dashboardDebounceSeconds });
    options.onDashboard?.(dashboard);
    const deps: HandlerDeps = { cache, isOwnEvent: ownEventDetector(app, options.slug, login), dashboard, serial: perPullRequest(options.onPullRequestSkip) };
    app.on([...PULL_REQUEST_EVENTS], wrap(pullRequestHandler(deps)));
    app.on([...RERUN_EVENTS], wrap(checkRerequestedHandler(deps)));
    app.on("merge_group.checks_requested", wrap(mergeGroupHandler(deps)));
    app.on("pull_request.closed", wrap(pullRequestClosedHandler(deps)));
    app.on("issue_comment.created", wrap(planCommandHandler(deps)));
    app.on("push", wrap(pushHandler(dashboard)));
  };
}

export default createApp();
