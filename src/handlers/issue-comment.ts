import type { Context } from "probot";
import type { Config } from "../config/schema.js";
import type { PullHead } from "../github/get-pull-head.js";
import type { ChangedFile } from "../github/list-pull-request-files.js";
import { runPlanCommand, type PlansAtHead } from "../core/run-plan-command.js";
import { parseCommands } from "../commands/parse-commands.js";
import type { HandlerNote } from "./handler-deps.js";

/** The configuration and the PR, read in ONE request before anything else. */
export interface CommandContext {
  config: Config;
  head: PullHead;
  /** the PR's changed files; null when there are too many to list in that request */
  files: ChangedFile[] | null;
}

/** What the handler needs from the rest of the app (the PR check's config, plan finder and check run). */
export interface IssueCommentDeps {
  loadContext: (context: Context<"issue_comment.created">) => Promise<CommandContext>;
  readPlans: (context: Context<"issue_comment.created">, loaded: CommandContext, head: PullHead) => Promise<PlansAtHead>;
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
    const loaded = await deps.loadContext(context);
    const { config } = loaded;
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
      head: loaded.head,
      readPlans: (head) => deps.readPlans(context, loaded, head),
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
