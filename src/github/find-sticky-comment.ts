import type { GitHubClient } from "./client.js";
import type { StickyComment } from "./gather-pull-request-context.js";
import { STICKY_MARKER } from "../report/sticky-comment.js";

/**
 * The app's sticky comment on a PR over REST (a GET: no throttle slot), 100 comments a page:
 * a bot's comment that starts with the marker. The oldest wins when a race ever left two.
 */
export async function findStickyComment(octokit: GitHubClient, target: { owner: string; repo: string; number: number }): Promise<StickyComment | null> {
  const all = await octokit.paginate(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.number, per_page: 100 });
  const found = all.find((c) => (c.body ?? "").startsWith(STICKY_MARKER) && c.user?.type === "Bot");
  return found ? { id: found.id, body: found.body ?? "" } : null;
}
