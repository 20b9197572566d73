import type { Octokit } from "@octokit/rest";

/**
 * The merge base of two commits (what a three-dot compare, and GitHub's "Files changed", is
 * relative to): one `compare` request. GraphQL has no merge-base field.
 */
export async function mergeBase(octokit: Pick<Octokit, "request">, target: { owner: string; repo: string; base: string; head: string }): Promise<string> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
    owner: target.owner,
    repo: target.repo,
    basehead: `${target.base}...${target.head}`,
    per_page: 1,
  });
  return data.merge_base_commit.sha;
}
