import type { PullHead } from "../github/get-pull-head.js";

/** Everything the check needs to know about a pull request, independent of the webhook that asked. */
export interface PullRequestEvent {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  headRef: string;
  baseRef: string;
  /** "owner/name" of the head repository (null when a fork was deleted) */
  headRepoFullName: string | null;
  isFork: boolean;
  draft: boolean;
  body: string;
  title: string;
  installationId: number | null;
  /** https://github.com/owner/repo (or the GHE host's): the root of blob links */
  repoUrl: string;
}

interface PullRequestLike {
  number: number;
  title: string;
  body?: string | null;
  draft?: boolean;
  head: { sha: string; ref: string; repo: { full_name: string } | null };
  base: { ref: string; repo: { full_name: string; html_url?: string } };
}

/** From a webhook's or the REST API's pull request object. */
export function toPullRequestEvent(pull: PullRequestLike, installationId: number | null): PullRequestEvent {
  const [owner, repo] = pull.base.repo.full_name.split("/") as [string, string];
  const headRepoFullName = pull.head.repo?.full_name ?? null;
  return {
    owner,
    repo,
    number: pull.number,
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    baseRef: pull.base.ref,
    headRepoFullName,
    isFork: headRepoFullName !== pull.base.repo.full_name,
    draft: pull.draft ?? false,
    body: pull.body ?? "",
    title: pull.title,
    installationId,
    repoUrl: pull.base.repo.html_url ?? `https://github.com/${owner}/${repo}`,
  };
}

/** From the PR head a `/plan` command read (after its commit, `head.sha` is the new head). */
export function fromPullHead(head: PullHead, installationId: number | null): PullRequestEvent {
  const [owner, repo] = head.baseRepo.split("/") as [string, string];
  return {
    owner,
    repo,
    number: head.number,
    headSha: head.sha,
    headRef: head.ref,
    baseRef: head.baseRef,
    headRepoFullName: head.headRepo,
    isFork: head.fromFork,
    draft: head.draft,
    body: head.body ?? "",
    title: head.title,
    installationId,
    repoUrl: head.repoUrl,
  };
}
