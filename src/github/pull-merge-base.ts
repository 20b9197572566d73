import type { Octokit } from "@octokit/rest";

/**
 * The commit a merged PR's changes are measured from: the merge base of its head and the base
 * branch just before the merge (first parent of the merge/squash commit) — what GitHub's
 * "Files changed" diff is relative to. The payload's `base.sha` is not that commit reliably.
 * Falls back to `fallback` when the merge commit is unknown.
 */
export async function pullMergeBase(
  octokit: Pick<Octokit, "request">,
  target: { owner: string; repo: string; mergeCommitSha: string | null; headSha: string; fallback: string },
): Promise<string> {
  const { owner, repo, mergeCommitSha, headSha, fallback } = target;
  if (!mergeCommitSha) return fallback;
  const { data: merge } = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", { owner, repo, commit_sha: mergeCommitSha });
  const before = merge.parents[0]?.sha;
  if (!before) return fallback;
  const { data: compare } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", { owner, repo, basehead: `${before}...${headSha}`, per_page: 1 });
  return compare.merge_base_commit.sha;
}
