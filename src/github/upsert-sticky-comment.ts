import type { GitHubClient } from "./client.js";
import type { StickyComment } from "./gather-pull-request-context.js";

export type UpsertResult = "created" | "updated" | "unchanged";

/** Creates the sticky comment, or edits the existing one only when its body changes. */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: { owner: string; repo: string; number: number; existing: StickyComment | null; body: string },
): Promise<UpsertResult> {
  const { owner, repo, number, existing, body } = target;
  if (existing && existing.body === body) return "unchanged";
  if (existing) {
    await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return "updated";
  }
  await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body });
  return "created";
}
