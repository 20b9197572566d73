import type { GitHubClient } from "./client.js";
import { listPullRequestFiles } from "./list-pull-request-files.js";
import type { PullDetails } from "./pull-details.js";

/** `pulls.get` + `pulls.listFiles` over REST, in parallel: plain GETs, no throttle slot. */
export async function readPullRequest(octokit: GitHubClient, target: { owner: string; repo: string; number: number }): Promise<PullDetails> {
  const { owner, repo, number } = target;
  const [{ data: pull }, listing] = await Promise.all([octokit.rest.pulls.get({ owner, repo, pull_number: number }), listPullRequestFiles(octokit, target)]);
  return {
    number: pull.number,
    state: pull.state === "open" ? "open" : "closed",
    headSha: pull.head.sha,
    headRef: pull.head.ref,
    headRepo: pull.head.repo?.full_name ?? null,
    baseRef: pull.base.ref,
    title: pull.title,
    body: pull.body ?? "",
    draft: pull.draft ?? false,
    files: listing.truncated ? null : listing.files,
  };
}
