import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import type { PlanDocument } from "../plan/types.js";
import type { PullHead } from "../github/get-pull-head.js";
import { runPlanCommand } from "../core/run-plan-command.js";
import { parseCommands } from "../commands/parse-commands.js";
import type { HandlerNote } from "./handler-deps.js";

/** What the handler needs from the rest of the app (the PR check's config, plan finder and check run). */
export interface IssueCommentDeps {
  loadConfig: (context: Context<"issue_comment.created">) => Promise<Config>;
  findPlans: (context: Context<"issue_comment.created">, head: PullHead, config: Config) => Promise<PlanDocument[]>;
  /** `head.sha` is the new head after the command's commit */
  refresh: (context: Context<"issue_comment.created">, head: PullHead, config: Config) => Promise<void>;
  checkName: string;
}

interface CommentPayload {
  action?: string;
  issue?: { number?: number; pull_request?: unknown };
  comment?: { id?: number; body?: string | null; user?: { login?: string; type?: string } | null };
  sender?: { login?: string; type?: string } | null;
}

/** `/plan` commands come from new comments on pull requests by people: not edits, not plain issues, not bots (this app included). */
export function isCommandComment(payload: CommentPayload): boolean {
  if (payload.action !== "created" || !payload.issue?.pull_request || !payload.comment?.body) return false;
  return ![payload.sender, payload.comment.user].some((u) => u?.type === "Bot" || (u?.login ?? "").toLowerCase().endsWith("[bot]"));
}

/** Probot `issue_comment.created`: filter, then hand over to the command core. */
export function issueCommentHandler(deps: IssueCommentDeps) {
  return async (context: Context<"issue_comment.created">): Promise<HandlerNote> => {
    const payload = context.payload;
    if (!isCommandComment(payload)) return { outcome: "skipped", reason: "not a new comment by a person on a pull request" };
    // commands only in code or quotes cost no request at all
    if (parseCommands(payload.comment.body).commands.length === 0) return { outcome: "skipped", reason: "no /plan command outside code and quotes" };
    const config = await deps.loadConfig(context);
    if (!config.commands.enabled) return { outcome: "skipped", reason: "commands.enabled is false" };
    const { owner, repo } = context.repo();
    const report = await runPlanCommand({
      octokit: context.octokit as never,
      owner,
      repo,
      issueNumber: payload.issue.number,
      commentId: payload.comment.id,
      commenter: payload.comment.user?.login ?? payload.sender.login,
      body: payload.comment.body,
      config,
      checkName: deps.checkName,
      findPlans: (head) => deps.findPlans(context, head, config),
      refresh: async (head) => {
        try {
          await deps.refresh(context, head, config);
        } catch (error) {
          context.log.error({ err: error }, "plan-hygiene: refreshing the check after a /plan command failed");
        }
      },
    });
    if (!report) return { outcome: "skipped", reason: "no /plan command outside code and quotes" };
    context.log.info({ commands: report.results.map((r) => ({ kind: r.command.kind, ok: r.ok })) }, "plan-hygiene: /plan commands handled");
    return { outcome: "ok", reason: report.results.map((r) => `${r.command.kind}:${r.ok ? "done" : "refused"}`).join(",") };
  };
}
