import type { PullDetails } from "./pull-details.js";

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

/**
 * The PR's head from what `gatherPullRequestContext` read with `include.pull` (an
 * `issue_comment` payload carries no head): no `pulls.get` request of its own.
 */
export function toPullHead(pull: PullDetails, base: { owner: string; repo: string; repoUrl: string }): PullHead {
  const baseRepo = `${base.owner}/${base.repo}`;
  return {
    number: pull.number,
    state: pull.state,
    sha: pull.headSha,
    ref: pull.headRef,
    headRepo: pull.headRepo,
    baseRepo,
    baseRef: pull.baseRef,
    fromFork: pull.headRepo === null || pull.headRepo.toLowerCase() !== baseRepo.toLowerCase(),
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    repoUrl: base.repoUrl,
  };
}
