import type { Config } from "../config/schema.js";
import { isPlanPath } from "../config/plan-paths.js";
import type { GitHubClient } from "../github/client.js";
import { listPullRequestFiles } from "../github/list-pull-request-files.js";
import { pathsNamedInBody } from "./paths-named-in-body.js";

/** At most this many plans get a row per merged PR (a huge PR is not a reason for a huge commit). */
export const MAX_PLANS_PER_PULL = 20;

/**
 * Paths of files that may be plans which pull request `pull` touched (changed, added or renamed
 * to; not removed; matching `plans.include`) and which its body names (any markdown path or blob
 * link to this repository — named explicitly, so the globs do not apply, as in the PR check).
 * Whether each really is a plan is decided later, from its text.
 */
export async function planPathsOfPull(
  octokit: GitHubClient,
  target: { owner: string; repo: string; pull: { number: number; body: string | null } },
  config: Config,
): Promise<string[]> {
  const { owner, repo, pull } = target;
  const { files } = await listPullRequestFiles(octokit, { owner, repo, number: pull.number });
  const touched = files.filter((f) => f.status !== "removed" && isPlanPath(f.path, config)).map((f) => f.path);
  const named = pathsNamedInBody(pull.body ?? "", owner, repo);
  return [...new Set([...touched, ...named])].slice(0, MAX_PLANS_PER_PULL);
}
