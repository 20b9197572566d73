import type { Octokit } from "@octokit/rest";
import type { Config } from "../config/schema.js";
import type { PlanDocument } from "../plan/types.js";
import { MAX_COMMANDS, parseCommands } from "../commands/parse-commands.js";
import { authorize, type Permission } from "../commands/authorize.js";
import { helpText } from "../commands/help-text.js";
import { formatStatus } from "../commands/format-status.js";
import { selectPhase } from "../commands/select-phase.js";
import type { PlanCommand } from "../commands/types.js";
import { getPermission } from "../github/get-permission.js";
import { getPullHead, type PullHead } from "../github/get-pull-head.js";
import { react } from "../github/react.js";
import { reply } from "../github/reply.js";
import { runPhaseWrite, type WriteOutcome } from "./run-phase-write.js";

export interface PlanCommandInput {
  octokit: Pick<Octokit, "request" | "graphql">;
  owner: string;
  repo: string;
  issueNumber: number;
  commentId: number;
  commenter: string;
  body: string;
  config: Config;
  /** the PR's plans (changed or named), parsed at `head.sha` */
  findPlans: (head: PullHead) => Promise<PlanDocument[]>;
  /** refreshes the check run and sticky comment at the PR's new head (`head.sha`, after a commit) */
  refresh: (head: PullHead) => Promise<void>;
  /** the name of this app's own check run, left out when judging other checks */
  checkName: string;
  appSlug?: string;
  now?: () => Date;
}

export interface CommandResult {
  command: PlanCommand;
  ok: boolean;
  /** what to say in the reply (none on a quiet success) */
  message: string | null;
  committed?: string;
}

export interface PlanCommandReport {
  results: CommandResult[];
  replied: boolean;
  refreshedAt: string | null;
}

/**
 * Runs the `/plan` commands of one PR comment: 👀, then each command (authorised by repository
 * role), then ONE reply for everything that needs saying, 🚀 or 😕, and a check refresh when a
 * commit was made. Returns null when the comment has no command.
 */
export async function runPlanCommand(input: PlanCommandInput): Promise<PlanCommandReport | null> {
  const parsed = parseCommands(input.body);
  if (parsed.commands.length === 0) return null;
  const { octokit, owner, repo } = input;
  const comment = { owner, repo, commentId: input.commentId };
  await react(octokit, comment, "eyes");

  let head: PullHead | null = null;
  let plans: PlanDocument[] | null = null;
  let permission: Permission | null = null;
  const results: CommandResult[] = [];
  for (const command of parsed.commands) {
    const needsRole = command.kind === "phase-done" || command.kind === "phase-reopen";
    if (needsRole) permission ??= await getPermission(octokit, { owner, repo, username: input.commenter });
    const auth = authorize(command, permission ?? "none", input.config.commands);
    if (!auth.allowed) {
      results.push({ command, ok: false, message: auth.reason });
      continue;
    }
    if (command.kind === "help") {
      results.push({ command, ok: command.unknown === null, message: helpText(input.config.commands, command.unknown) });
      continue;
    }
    head ??= await getPullHead(octokit, { owner, repo, pullNumber: input.issueNumber });
    plans ??= await input.findPlans(head);
    if (command.kind === "status") {
      results.push({ command, ok: true, message: formatStatus(plans, head.sha) });
      continue;
    }
    if (head.state !== "open") {
      results.push({ command, ok: false, message: "This pull request is closed, so I won't change its branch. Confirm phases on an open pull request." });
      continue;
    }
    const selection = selectPhase(plans, command);
    if (!selection.ok) {
      results.push({ command, ok: false, message: selection.message });
      continue;
    }
    const outcome: WriteOutcome = await runPhaseWrite({ ...input, head, command, selection, date: (input.now?.() ?? new Date()).toISOString().slice(0, 10) });
    results.push({ command, ...outcome });
    if (outcome.committed) head = { ...head, sha: outcome.committed };
  }

  const message = replyBody(input.commenter, results, parsed.dropped);
  if (message !== null) await reply(octokit, { owner, repo, issueNumber: input.issueNumber }, message);
  await react(octokit, comment, results.every((r) => r.ok) ? "rocket" : "confused");
  const committed = results.some((r) => r.committed);
  if (committed && head) await input.refresh(head);
  return { results, replied: message !== null, refreshedAt: committed && head ? head.sha : null };
}

/** One reply for all commands that have something to say; null when there is nothing. */
function replyBody(commenter: string, results: readonly CommandResult[], dropped: number): string | null {
  const said = results.filter((r) => r.message !== null);
  const extra = dropped > 0 ? `(${dropped} more \`/plan\` command${dropped === 1 ? " was" : "s were"} ignored: at most ${MAX_COMMANDS} are handled per comment.)` : "";
  if (said.length === 0 && extra === "") return null;
  const parts = said.map((r) => (results.length === 1 ? (r.message as string) : `**\`${r.command.source.replace(/`/g, "'").slice(0, 100)}\`**\n${r.message}`));
  return [`@${commenter}`, ...parts, extra].filter(Boolean).join("\n\n");
}
