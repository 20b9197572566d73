import type { Octokit } from "@octokit/rest";

/**
 * Posts `body` (prefixed with the hidden `marker`) on the PR conversation unless a comment with
 * that marker is already there — so re-deliveries do not repeat it. Returns whether it posted.
 */
export async function commentOnceOnPull(
  octokit: Pick<Octokit, "request">,
  target: { owner: string; repo: string; issueNumber: number; marker: string },
  body: string,
): Promise<boolean> {
  const { owner, repo, issueNumber, marker } = target;
  for (let page = 1; page <= 50; page++) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner, repo, issue_number: issueNumber, per_page: 100, page });
    if (data.some((c) => c.body?.includes(marker))) return false;
    if (data.length < 100) break;
  }
  await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", { owner, repo, issue_number: issueNumber, body: `${marker}\n${body}` });
  return true;
}
