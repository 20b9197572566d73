import { parseCommands } from "../commands/parse-commands.js";
import { CHECK_NAME } from "../github/check-run.js";
import type { GitHubClient } from "../github/client.js";
import { checkPullRequest, type CheckDeps } from "./check-pull-request.js";
import { loadCommandContext, readPlansAtHead } from "./command-context.js";
import type { PlanComment } from "./plan-comment.js";
import { fromPullHead } from "./pull-request-event.js";
import { runPlanCommand, type PlanCommandReport } from "./run-plan-command.js";

export type PlanCommentOutcome = { status: "skipped"; reason: string } | { status: "handled"; report: PlanCommandReport };

/**
 * A PR comment's `/plan` commands, start to finish: commands only in code or quotes cost no
 * request; then ONE read of the configuration and the PR; then the commands; after a commit the
 * check run and sticky comment are refreshed at the new head (`deps` are the check's: the
 * Action's summary sees that check too). A failed refresh is logged, not thrown: the commands are done.
 */
export async function handlePlanComment(octokit: GitHubClient, comment: PlanComment, deps: CheckDeps): Promise<PlanCommentOutcome> {
  if (parseCommands(comment.body).commands.length === 0) return { status: "skipped", reason: "no /plan command outside code and quotes" };
  const { owner, repo } = comment;
  const loaded = await loadCommandContext(octokit, { owner, repo, number: comment.issueNumber, repoUrl: comment.repoUrl, configPath: deps.configPath });
  if (!loaded.config.commands.enabled) return { status: "skipped", reason: "commands.enabled is false" };
  const report = await runPlanCommand({
    octokit,
    owner,
    repo,
    issueNumber: comment.issueNumber,
    commentId: comment.commentId,
    commenter: comment.commenter,
    body: comment.body,
    config: loaded.config,
    checkName: CHECK_NAME,
    head: loaded.head,
    readPlans: (head) => readPlansAtHead(octokit, { owner, repo, loaded, head, cache: deps.cache }),
    refresh: async (head) => {
      try {
        await checkPullRequest(octokit, fromPullHead(head, comment.installationId), deps);
      } catch (error) {
        deps.log.error({ err: error }, "plan-hygiene: refreshing the check after a /plan command failed");
      }
    },
  });
  if (!report) return { status: "skipped", reason: "no /plan command outside code and quotes" };
  return { status: "handled", report };
}
