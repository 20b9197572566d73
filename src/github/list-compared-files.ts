import type { GitHubClient } from "./client.js";
import type { ChangedFile } from "./list-pull-request-files.js";

/** The compare API lists at most this many files. */
export const COMPARE_FILES_LIMIT = 300;

/** Files changed between two commits (three-dot compare), e.g. a merge group's base and head. */
export async function listComparedFiles(
  octokit: GitHubClient,
  target: { owner: string; repo: string; base: string; head: string },
): Promise<{ files: ChangedFile[]; truncated: boolean }> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({ owner: target.owner, repo: target.repo, basehead: `${target.base}...${target.head}`, per_page: 100 });
  const files = (data.files ?? []).map((f) => ({ path: f.filename, status: f.status, previousPath: f.previous_filename ?? null }));
  return { files, truncated: files.length >= COMPARE_FILES_LIMIT };
}
