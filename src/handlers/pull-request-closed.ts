import type { Context } from "probot";
import { appendChangelogOnMerge, type MergedPull } from "../core/append-changelog-on-merge.js";
import { resolveConfig } from "../core/resolve-config.js";
import type { GitHubClient } from "../github/client.js";
import { gatherPullRequestContext } from "../github/gather-pull-request-context.js";
import { readConfigFile } from "../github/read-config-files.js";
import type { HandlerDeps, HandlerNote } from "./handler-deps.js";
import { pathsNamedInBody } from "../core/paths-named-in-body.js";
import { repositoryEvent } from "./push.js";

/** Branches this app opens its own Change Log PRs from; merging one records nothing more. */
export const CHANGELOG_BRANCH_PREFIX = "plan-hygiene/changelog-";

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
    if (!pull.merged) return { outcome: "skipped", reason: "closed without merging" };
    if (pull.head.ref.startsWith(CHANGELOG_BRANCH_PREFIX)) return { outcome: "skipped", reason: "this app's own Change Log pull request" };
    if (await deps.isOwnEvent(payload.sender)) return { outcome: "skipped", reason: "event caused by this app" };
    const octokit = context.octokit;
    const { owner, repo } = context.repo();
    // ONE query: the configuration at the default branch, as the PR check reads it (repo file, then
    // the owner's .github), the PR's changed files and the merge commit's first parent.
    const gathered = await gatherPullRequestContext(octokit, {
      owner,
      repo,
      headSha: pull.base.sha,
      paths: [],
      pullNumber: pull.number,
      include: { sticky: false, pull: true, parentOf: pull.merge_commit_sha ?? null },
    });
    const { config } = await resolveConfig(gathered.config, (t) => readConfigFile(octokit, t), `${owner}/${repo}`);
    const facts = { files: gathered.pull?.files ?? null, mergeParent: gathered.parent };
    const outcome = await appendChangelogOnMerge(octokit, { owner, repo, pull: pull as MergedPull, config, facts });
    context.log.info({ changelog: outcome }, `plan-hygiene: Change Log on merge of #${pull.number}: ${outcome.status}`);
    if (outcome.status === "skipped") return { outcome: "skipped", reason: outcome.reason };
    if (outcome.status === "failed") context.log.warn({ changelog: outcome }, `plan-hygiene: could not record #${pull.number} in the Change Log: ${outcome.reason}`);
    return { outcome: "ok", plans: outcome.plans.filter((p) => p.result === "recorded").length };
  };
}
