import type { GitHubClient } from "./client.js";

export interface ChangedFile {
  path: string;
  status: string;
  /** set for renames */
  previousPath: string | null;
  /** the diff's hunks from the merge base (pull request listings; absent for binary files and huge diffs) */
  patch?: string | null;
}

/** GitHub lists at most this many files of a pull request. */
export const PULL_FILES_LIMIT = 3000;

/** The PR's changed files (100 per request); `truncated` when GitHub's 3000-file limit was reached. */
export async function listPullRequestFiles(
  octokit: GitHubClient,
  target: { owner: string; repo: string; number: number },
): Promise<{ files: ChangedFile[]; truncated: boolean }> {
  const data = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: target.owner, repo: target.repo, pull_number: target.number, per_page: 100 });
  const files = data.map((f) => ({ path: f.filename, status: f.status, previousPath: f.previous_filename ?? null, patch: f.patch ?? null }));
  return { files, truncated: files.length >= PULL_FILES_LIMIT };
}
