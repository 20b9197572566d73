import type { Octokit } from "@octokit/rest";

export type Reaction = "eyes" | "rocket" | "confused";

/** Adds a reaction to an issue/PR comment. Best effort: a reaction is never worth failing a command. */
export async function react(
  octokit: Pick<Octokit, "request">,
  target: { owner: string; repo: string; commentId: number },
  content: Reaction,
): Promise<boolean> {
  try {
    await octokit.request("POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
      owner: target.owner,
      repo: target.repo,
      comment_id: target.commentId,
      content,
    });
    return true;
  } catch {
    return false;
  }
}
