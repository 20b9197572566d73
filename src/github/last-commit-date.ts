import type { GitHubClient } from "./client.js";

/**
 * When the newest commit reachable from `sha` that touched `path` (a file or a directory) was
 * committed: ONE plain REST GET (`commits?path=…&per_page=1`, no throttle slot). null when no
 * commit touched it; undefined when GitHub would not say (404, 409 empty repository).
 */
export async function lastCommitDate(octokit: GitHubClient, target: { owner: string; repo: string; sha: string; path: string }): Promise<Date | null | undefined> {
  try {
    const { data } = await octokit.rest.repos.listCommits({ owner: target.owner, repo: target.repo, sha: target.sha, path: target.path, per_page: 1 });
    const date = data[0]?.commit.committer?.date ?? data[0]?.commit.author?.date;
    return data.length === 0 ? null : date ? new Date(date) : undefined;
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 409) return undefined;
    throw error;
  }
}
