import type { Octokit } from "@octokit/rest";
import type { Config } from "../config/schema.js";
import { isPlanPath } from "../config/plan-paths.js";
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
  octokit: Pick<Octokit, "request">,
  target: { owner: string; repo: string; pull: { number: number; body: string | null } },
  config: Config,
): Promise<string[]> {
  const { owner, repo, pull } = target;
  const touched: string[] = [];
  // GitHub lists at most 3000 files (30 pages of 100).
  for (let page = 1; page <= 30; page++) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { owner, repo, pull_number: pull.number, per_page: 100, page });
    for (const file of data) if (file.status !== "removed" && isPlanPath(file.filename, config)) touched.push(file.filename);
    if (data.length < 100) break;
  }
  const named = pathsNamedInBody(pull.body ?? "", owner, repo);
  return [...new Set([...touched, ...named])].slice(0, MAX_PLANS_PER_PULL);
}
