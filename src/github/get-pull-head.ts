import type { Octokit } from "@octokit/rest";

export interface PullHead {
  number: number;
  state: "open" | "closed";
  sha: string;
  /** the head branch name (in `headRepo`) */
  ref: string;
  /** "owner/name" of the head repository; null when the fork was deleted */
  headRepo: string | null;
  baseRepo: string;
  baseRef: string;
  /** the head branch lives in another repository: the app cannot push there */
  fromFork: boolean;
  title: string;
  body: string | null;
  draft: boolean;
  /** https://github.com/owner/repo (or the GHE host's) */
  repoUrl: string;
}

/** The PR's head (an `issue_comment` payload carries none). */
export async function getPullHead(octokit: Pick<Octokit, "request">, target: { owner: string; repo: string; pullNumber: number }): Promise<PullHead> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
    owner: target.owner,
    repo: target.repo,
    pull_number: target.pullNumber,
  });
  const headRepo = data.head.repo?.full_name ?? null;
  const baseRepo = data.base.repo.full_name;
  return {
    number: data.number,
    state: data.state === "open" ? "open" : "closed",
    sha: data.head.sha,
    ref: data.head.ref,
    headRepo,
    baseRepo,
    baseRef: data.base.ref,
    fromFork: headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    title: data.title,
    body: data.body ?? null,
    draft: data.draft ?? false,
    repoUrl: data.base.repo.html_url,
  };
}
