import type { PlanCommandInput } from "./run-plan-command.js";

/** A new PR comment that may hold `/plan` commands, independent of the webhook or workflow that delivered it. */
export interface PlanComment extends Pick<PlanCommandInput, "owner" | "repo" | "issueNumber" | "commentId" | "commenter" | "body"> {
  /** https://github.com/owner/repo (or the GHE host's) */
  repoUrl: string;
  installationId: number | null;
}

interface CommentPayload {
  action?: string;
  issue?: { number?: number; pull_request?: unknown };
  comment?: { id?: number; body?: string | null; user?: { login?: string; type?: string } | null };
  sender?: { login?: string; type?: string } | null;
  repository?: { full_name?: string; html_url?: string } | null;
  installation?: { id?: number } | null;
}

/**
 * From an `issue_comment` payload: `/plan` commands come from new comments on pull requests by
 * people — not edits, not plain issues, not bots (this app and github-actions included). Null otherwise.
 */
export function toPlanComment(payload: CommentPayload): PlanComment | null {
  const { issue, comment, repository } = payload;
  if (payload.action !== "created" || !issue?.pull_request || !comment?.body || typeof issue.number !== "number" || typeof comment.id !== "number") return null;
  if ([payload.sender, comment.user].some((u) => u?.type === "Bot" || (u?.login ?? "").toLowerCase().endsWith("[bot]"))) return null;
  const [owner, repo] = (repository?.full_name ?? "").split("/");
  const commenter = comment.user?.login ?? payload.sender?.login;
  if (!owner || !repo || !commenter) return null;
  return {
    owner,
    repo,
    issueNumber: issue.number,
    commentId: comment.id,
    commenter,
    body: comment.body,
    repoUrl: repository?.html_url ?? `https://github.com/${owner}/${repo}`,
    installationId: payload.installation?.id ?? null,
  };
}
