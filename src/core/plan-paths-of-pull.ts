import type { Config } from "../config/schema.js";
import type { ChangedFile } from "../github/list-pull-request-files.js";
import { planPaths } from "./find-plans.js";
import { pathsNamedInBody } from "./paths-named-in-body.js";

/** At most this many plans get a row per merged PR (a huge PR is not a reason for a huge commit). */
export const MAX_PLANS_PER_PULL = 20;

/**
 * Paths of files that may be plans which pull request `pull` touched (changed, added or renamed
 * to; not removed; matching `plans.include`) and which its body names (any markdown path or blob
 * link to this repository — named explicitly, so the globs do not apply, as in the PR check).
 * Whether each really is a plan is decided later, from its text.
 */
export function planPathsOfPull(
  target: { owner: string; repo: string; pull: { body: string | null }; files: readonly ChangedFile[] },
  config: Config,
): string[] {
  const named = pathsNamedInBody(target.pull.body ?? "", target.owner, target.repo);
  return planPaths(target.files, named, config).slice(0, MAX_PLANS_PER_PULL);
}
