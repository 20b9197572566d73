import type { Context } from "probot";
import type { MergedPull } from "../core/append-changelog-on-merge.js";
import { mergeSkipReason, recordMergedPull } from "../core/record-merged-pull.js";
import type { HandlerDeps, HandlerNote } from "./handler-deps.js";
import { pathsNamedInBody } from "../core/paths-named-in-body.js";
import { repositoryEvent } from "./push.js";

export { CHANGELOG_BRANCH_PREFIX } from "../core/record-merged-pull.js";

/**
 * `pull_request.closed` → the Change Log row on merge. Skips unmerged PRs, this app's own
 * Change Log PRs (merging `plan-hygiene/changelog-N` must not log itself) and events the app
 * caused. The app's commit to the base branch fires `push`, never `closed`, so it cannot loop.
 */
export function pullRequestClosedHandler(deps: Pick<HandlerDeps, "isOwnEvent" | "dashboard">) {
  return async (context: Context<"pull_request.closed">): Promise<HandlerNote> => {
    const { payload } = context;
    const pull = payload.pull_request;
    // A closed PR leaves the dashboard's "open PRs" column (a merge also pushes, in the same window).
    const named = () => pathsNamedInBody(pull.body ?? "", payload.repository.owner.login, payload.repository.name).length > 0;
    if (deps.dashboard?.wantsPull(payload.repository.full_name, pull.number, named())) {
      deps.dashboard.request(context.octokit, repositoryEvent(payload.repository), context.log);
    }
    const skip = mergeSkipReason(pull);
    if (skip) return { outcome: "skipped", reason: skip };
    if (await deps.isOwnEvent(payload.sender)) return { outcome: "skipped", reason: "event caused by this app" };
    const { owner, repo } = context.repo();
    const outcome = await recordMergedPull(context.octokit, { owner, repo, pull: pull as MergedPull });
    context.log.info({ changelog: outcome }, `plan-hygiene: Change Log on merge of #${pull.number}: ${outcome.status}`);
    if (outcome.status === "skipped") return { outcome: "skipped", reason: outcome.reason };
    if (outcome.status === "failed") context.log.warn({ changelog: outcome }, `plan-hygiene: could not record #${pull.number} in the Change Log: ${outcome.reason}`);
    return { outcome: "ok", plans: outcome.plans.filter((p) => p.result === "recorded").length };
  };
}
