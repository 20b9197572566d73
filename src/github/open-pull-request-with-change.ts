import { commitFileChanges, type CommitFilesOptions } from "./commit-files.js";
import { readBranchFiles, type GitHubReader } from "./read-branch-files.js";

export type ProposeResult =
  | { status: "proposed"; pull: { number: number; url: string }; createdPull: boolean; committed: boolean }
  /** a PR from this branch was closed without merging: a person declined it, do not reopen */
  | { status: "declined"; pull: { number: number; url: string } }
  | { status: "forbidden" | "conflict" | "missing"; message: string };

interface PullSummary {
  number: number;
  html_url: string;
  state: string;
  merged_at?: string | null;
  /** not in GitHub's list response (merged_at is); some fakes/proxies send only this */
  merged?: boolean;
}

/**
 * When `base` cannot be pushed to: puts the change on `branch` (created from `base`'s head, or
 * reused) with the same compare-and-swap commit, and opens a PR into `base` — or reuses the open
 * one. Idempotent: a re-run finds the branch, the change already on it, and the open PR.
 */
export async function openPullRequestWithChange(
  octokit: GitHubReader,
  options: Omit<CommitFilesOptions, "branch"> & { base: string; branch: string; title: string; body: string },
): Promise<ProposeResult> {
  const { owner, repo, base, branch, title, body, ...change } = options;
  const existing = await pullsFromBranch(octokit, owner, repo, branch, base);
  const open = existing.find((p) => p.state === "open");
  const declined = existing.find((p) => p.state === "closed" && !p.merged_at && !p.merged);
  if (!open && declined) return { status: "declined", pull: { number: declined.number, url: declined.html_url } };

  const { headOid: baseHead } = await readBranchFiles(octokit, { owner, repo, branch: base, paths: [] });
  if (baseHead === null) return { status: "missing", message: `Branch ${base} does not exist in ${owner}/${repo}.` };
  try {
    await octokit.request("POST /repos/{owner}/{repo}/git/refs", { owner, repo, ref: `refs/heads/${branch}`, sha: baseHead });
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 403) return { status: "forbidden", message: `Cannot create branch ${branch}: ${(error as Error).message}` };
    // 422 "Reference already exists": a previous run (or a concurrent delivery) made it; reuse it.
    if (status !== 422) throw error;
  }

  const result = await commitFileChanges(octokit, { owner, repo, branch, ...change });
  if (result.status === "forbidden" || result.status === "conflict" || result.status === "missing") return result;
  const committed = result.status === "committed";

  if (open) return { status: "proposed", pull: { number: open.number, url: open.html_url }, createdPull: false, committed };
  try {
    const { data } = await octokit.request("POST /repos/{owner}/{repo}/pulls", { owner, repo, head: branch, base, title, body });
    return { status: "proposed", pull: { number: data.number, url: data.html_url }, createdPull: true, committed };
  } catch (error) {
    if ((error as { status?: number }).status !== 422) throw error;
    // "A pull request already exists": a concurrent delivery opened it first.
    const again = (await pullsFromBranch(octokit, owner, repo, branch, base)).find((p) => p.state === "open");
    if (!again) throw error;
    return { status: "proposed", pull: { number: again.number, url: again.html_url }, createdPull: false, committed };
  }
}

async function pullsFromBranch(octokit: GitHubReader, owner: string, repo: string, branch: string, base: string): Promise<PullSummary[]> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls", { owner, repo, head: `${owner}:${branch}`, base, state: "all", per_page: 100 });
  return data as PullSummary[];
}
