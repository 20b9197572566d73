import type { Octokit } from "@octokit/rest";

/** GitHub's limit on a comment body. */
const MAX_BODY = 65_536;

/** Posts one comment on the PR conversation. */
export async function reply(octokit: Pick<Octokit, "request">, target: { owner: string; repo: string; issueNumber: number }, body: string): Promise<void> {
  const text = body.length > MAX_BODY ? `${body.slice(0, MAX_BODY - 80)}\n\n…(reply truncated to GitHub's comment size limit)` : body;
  await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    owner: target.owner,
    repo: target.repo,
    issue_number: target.issueNumber,
    body: text,
  });
}
