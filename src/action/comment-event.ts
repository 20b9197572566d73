import * as core from "@actions/core";
import type { BuiltCheck, CheckDeps } from "../core/check-pull-request.js";
import { handlePlanComment } from "../core/handle-plan-comment.js";
import type { PlanComment } from "../core/plan-comment.js";
import type { GitHubClient } from "../github/client.js";

export interface CommentStep {
  /** markdown lines for the job summary */
  lines: string[];
  /** the check posted for the new head after a commit */
  built: BuiltCheck | null;
}

/**
 * `/plan` commands from a workflow on `issue_comment`. A push made with GITHUB_TOKEN starts no
 * normal workflow run, so the core's refresh after a commit (the check run for the NEW head)
 * is what keeps the PR's check current.
 */
export async function runCommentStep(octokit: GitHubClient, comment: PlanComment, deps: CheckDeps): Promise<CommentStep> {
  let built: BuiltCheck | null = null;
  const outcome = await handlePlanComment(octokit, comment, { ...deps, onReport: (b) => (built = b) });
  if (outcome.status === "skipped") {
    core.info(`plan-hygiene: comment ${comment.commentId} on #${comment.issueNumber}: ${outcome.reason}`);
    return { lines: [`plan-hygiene: nothing to do for this comment (${outcome.reason}).`], built: null };
  }
  const lines = outcome.report.results.map((r) => {
    const verdict = r.ok ? (r.committed ? `done, committed \`${r.committed.slice(0, 7)}\`` : "done") : "refused";
    core.info(`plan-hygiene: ${r.command.source.slice(0, 100)}: ${verdict}`);
    return `- \`${r.command.source.replace(/`/g, "'").slice(0, 100)}\` by @${comment.commenter}: ${verdict}`;
  });
  if (outcome.report.refreshedAt) lines.push("", `The check run was posted for the new head \`${outcome.report.refreshedAt.slice(0, 7)}\`.`);
  return { lines, built };
}
