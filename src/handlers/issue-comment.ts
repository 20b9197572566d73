import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { handlePlanComment } from "../core/handle-plan-comment.js";
import { toPlanComment } from "../core/plan-comment.js";
import type { HandlerDeps, HandlerNote } from "./handler-deps.js";

/** Probot `issue_comment.created`: translate, then hand over to the command core. */
export function planCommandHandler(deps: HandlerDeps) {
  return async (context: Context<"issue_comment.created">): Promise<HandlerNote> => {
    const comment = toPlanComment(context.payload);
    if (!comment) return { outcome: "skipped", reason: "not a new comment by a person on a pull request" };
    const outcome = await handlePlanComment(context.octokit as unknown as GitHubClient, comment, { log: context.log, cache: deps.cache });
    if (outcome.status === "skipped") return { outcome: "skipped", reason: outcome.reason };
    const { results } = outcome.report;
    context.log.info({ commands: results.map((r) => ({ kind: r.command.kind, ok: r.ok })) }, "plan-hygiene: /plan commands handled");
    return { outcome: "ok", reason: results.map((r) => `${r.command.kind}:${r.ok ? "done" : "refused"}`).join(",") };
  };
}
