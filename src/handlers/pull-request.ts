import type { Context } from "probot";
import { checkPullRequest } from "../core/check-pull-request.js";
import { toPullRequestEvent } from "../core/pull-request-event.js";
import { pullRequestSkipReason } from "../core/pull-request-skip-reason.js";
import type { HandlerDeps, HandlerNote } from "./handler-deps.js";
import { repositoryEvent } from "./push.js";

export const PULL_REQUEST_EVENTS = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
  "pull_request.edited",
] as const;

type PullRequestContext = Context<(typeof PULL_REQUEST_EVENTS)[number]>;

/** pull_request events → the check (`pullRequestSkipReason` says which need none). */
export function pullRequestHandler(deps: HandlerDeps) {
  return async (context: PullRequestContext): Promise<HandlerNote> => {
    const { payload } = context;
    const skip = pullRequestSkipReason(payload);
    if (skip) return { outcome: "skipped", reason: skip };
    if (await deps.isOwnEvent(payload.sender)) return { outcome: "skipped", reason: "event caused by this app" };
    const event = toPullRequestEvent(payload.pull_request, payload.installation?.id ?? null);
    const check = () => checkPullRequest(context.octokit, event, { log: context.log, cache: deps.cache });
    const serial = deps.serial ? await deps.serial.run(`${event.owner}/${event.repo}#${event.number}`, context.id, check, updatedAt(payload.pull_request)) : { ran: true as const, value: await check() };
    if (!serial.ran) return { outcome: "skipped", reason: serial.reason === "duplicate" ? "delivery id already handled (a redelivery)" : "coalesced: a newer delivery for this pull request checks it" };
    const result = serial.value;
    // The dashboard's "open PRs" column: this PR changes or names a plan, or is shown there now.
    if (deps.dashboard?.wantsPull(payload.repository.full_name, payload.number, result.plans > 0)) {
      deps.dashboard.request(context.octokit, repositoryEvent(payload.repository), context.log);
    }
    return { outcome: result.outcome, plans: result.plans, ...(result.reason ? { reason: result.reason } : {}) };
  };
}

/** The PR's `updated_at` as GitHub sent it (ISO 8601, comparable as text), if present. */
function updatedAt(pull: { updated_at?: unknown }): string | undefined {
  return typeof pull.updated_at === "string" ? pull.updated_at : undefined;
}
