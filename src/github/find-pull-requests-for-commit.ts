import type { GitHubClient } from "./client.js";

export interface PullRequestData {
  number: number;
  state: string;
  title: string;
  body: string | null;
  draft?: boolean;
  html_url?: string;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string; html_url?: string } };
}

/**
 * The open PRs whose head is `sha` (for check re-runs). Uses the PR numbers a check payload
 * lists when it has them (fork PRs have none), else the commit → pulls lookup.
 */
export async function findPullRequestsForCommit(
  octokit: GitHubClient,
  target: { owner: string; repo: string; sha: string; numbers: readonly number[] },
): Promise<PullRequestData[]> {
  const { owner, repo, sha } = target;
  const pulls: PullRequestData[] = [];
  if (target.numbers.length > 0) {
    for (const number of target.numbers) pulls.push((await octokit.rest.pulls.get({ owner, repo, pull_number: number })).data as PullRequestData);
  } else {
    const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ owner, repo, commit_sha: sha, per_page: 100 });
    pulls.push(...(data as PullRequestData[]));
  }
  return pulls.filter((p) => p.state === "open" && p.head.sha === sha);
}
