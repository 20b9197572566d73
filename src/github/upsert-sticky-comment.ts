import type { GitHubClient } from "./client.js";
import { findStickyComment } from "./find-sticky-comment.js";
import type { StickyComment } from "./gather-pull-request-context.js";

export type UpsertResult = "created" | "updated" | "unchanged";

/** A 5xx, or no answer at all (a network error, a timeout): the request may have taken effect. */
export function isUncertain(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return typeof status !== "number" || status >= 500;
}

/**
 * Creates the sticky comment, or edits the existing one only when its body changes. A comment
 * creation is never re-sent blindly (the retry plugin is off for it): GitHub can answer 5xx
 * after the comment was made, so an uncertain answer is followed by a fresh read, and the
 * comment is created again only when that read shows none — exactly one sticky comment.
 */
export async function upsertStickyComment(
  octokit: GitHubClient,
  target: { owner: string; repo: string; number: number; existing: StickyComment | null; body: string },
): Promise<UpsertResult> {
  const { owner, repo, number, body } = target;
  let existing = target.existing;
  for (let attempt = 0; ; attempt++) {
    if (existing && existing.body === body) return "unchanged";
    if (existing) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
      return "updated";
    }
    try {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body, request: { retries: 0 } });
      return "created";
    } catch (error) {
      if (attempt >= 1 || !isUncertain(error)) throw error;
      existing = await findStickyComment(octokit, { owner, repo, number });
      if (existing?.body === body) return "created";
    }
  }
}
