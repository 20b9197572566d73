import type { GitHubClient } from "../github/client.js";
import { completeCheckRun, startCheckRun, type Conclusion } from "../github/check-run.js";
import { listComparedFiles, COMPARE_FILES_LIMIT } from "../github/list-compared-files.js";
import { buildCheckRun } from "../report/check-run.js";
import type { CheckDeps } from "./check-pull-request.js";
import { findPlans } from "./find-plans.js";
import { reportCheckFailure } from "./report-check-failure.js";

export interface MergeGroupEvent {
  owner: string;
  repo: string;
  headSha: string;
  baseSha: string;
  repoUrl: string;
}

/**
 * The check on a merge queue's merge-group commit: the plans changed between the queue's base
 * and the merge-group head, linted at that head. Always posts a completed check run (even when
 * no plan changed) so a repository that requires "Plan hygiene" never has its queue blocked.
 */
export async function checkMergeGroup(octokit: GitHubClient, event: MergeGroupEvent, deps: CheckDeps): Promise<{ plans: number; conclusion: Conclusion }> {
  const { owner, repo, headSha } = event;
  let id: number | null = null;
  try {
    const listing = await listComparedFiles(octokit, { owner, repo, base: event.baseSha, head: headSha });
    const found = await findPlans(octokit, { owner, repo, headSha, pullNumber: null, changed: listing.files, named: [] }, deps.cache);
    const built = buildCheckRun({
      repoUrl: event.repoUrl,
      headSha,
      number: null,
      plans: found.plans,
      configErrors: found.resolved.errors.map(({ source, path, line, key, message }) => ({ source, path, line, key, message })),
      truncatedAt: listing.truncated ? COMPARE_FILES_LIMIT : null,
      unreadable: found.unreadable,
      changedFiles: listing.files.map((f) => f.path),
    });
    id = await startCheckRun(octokit, { owner, repo, headSha });
    await completeCheckRun(octokit, { owner, repo, headSha, id, ...built });
    return { plans: found.plans.length, conclusion: built.conclusion };
  } catch (error) {
    await reportCheckFailure(octokit, { owner, repo, headSha, id }, error, deps.log);
    throw error;
  }
}
