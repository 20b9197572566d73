import type { GitHubClient } from "./client.js";
import type { DashboardIssue } from "./read-dashboard-facts.js";

export type DashboardWrite = "created" | "edited" | "reopened" | "unchanged";

/**
 * The one write of a dashboard update: create the issue, edit it (only when title or body
 * change), or reopen it with the current body. Deciding WHETHER to write is the caller's.
 */
export async function upsertDashboardIssue(
  octokit: GitHubClient,
  target: { owner: string; repo: string; existing: DashboardIssue | null; title: string; body: string; reopen: boolean },
): Promise<{ write: DashboardWrite; number: number }> {
  const { owner, repo, existing, title, body } = target;
  if (!existing) {
    // Never resent: a creation that timed out may have landed; the next update finds it by its marker.
    const { data } = await octokit.rest.issues.create({ owner, repo, title, body, request: { retries: 0 } });
    return { write: "created", number: data.number };
  }
  const reopen = target.reopen && existing.state === "CLOSED";
  if (!reopen && existing.title === title && existing.body === body) return { write: "unchanged", number: existing.number };
  await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, title, body, ...(reopen ? { state: "open" as const } : {}) });
  return { write: reopen ? "reopened" : "edited", number: existing.number };
}
