import type { GitHubClient } from "../github/client.js";
import { gatherPullRequestContext } from "../github/gather-pull-request-context.js";
import { readConfigFile } from "../github/read-config-files.js";
import { appendChangelogOnMerge, type ChangelogOutcome, type MergedPull } from "./append-changelog-on-merge.js";
import { resolveConfig } from "./resolve-config.js";

/** Branches plan-hygiene opens its own Change Log PRs from; merging one records nothing more. */
export const CHANGELOG_BRANCH_PREFIX = "plan-hygiene/changelog-";

/** Why a closed PR gets no Change Log row before anything is read (null: record it). */
export function mergeSkipReason(pull: { merged?: boolean | null; head: { ref: string } }): string | null {
  if (!pull.merged) return "closed without merging";
  if (pull.head.ref.startsWith(CHANGELOG_BRANCH_PREFIX)) return "plan-hygiene's own Change Log pull request";
  return null;
}

/**
 * A merged PR → its Change Log rows. ONE query first: the configuration at the default branch,
 * as the PR check reads it (repo file, then the owner's .github), the PR's changed files and the
 * merge commit's first parent; then `appendChangelogOnMerge`.
 */
export async function recordMergedPull(
  octokit: GitHubClient,
  target: { owner: string; repo: string; pull: MergedPull; configPath?: string },
): Promise<ChangelogOutcome> {
  const { owner, repo, pull, configPath } = target;
  const gathered = await gatherPullRequestContext(octokit, {
    owner,
    repo,
    headSha: pull.base.sha,
    paths: [],
    pullNumber: pull.number,
    include: { sticky: false, pull: true, parentOf: pull.merge_commit_sha ?? null },
    configPath,
  });
  const { config } = await resolveConfig(gathered.config, (t) => readConfigFile(octokit, t), `${owner}/${repo}`);
  const facts = { files: gathered.pull?.files ?? null, mergeParent: gathered.parent };
  return appendChangelogOnMerge(octokit, { owner, repo, pull, config, facts });
}
