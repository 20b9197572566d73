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
import type { PullHead } from "../github/get-pull-head.js";
import type { BranchFiles } from "../github/read-branch-files.js";
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
  /** the PR, read together with the configuration before anything else */
  head: PullHead;
  /** the PR's plans (changed or named) at its head now; see `PlansAtHead` */
  readPlans: (head: PullHead) => Promise<PlansAtHead>;
  /** refreshes the check run and sticky comment at the PR's new head (`head.sha`, after a commit) */
  refresh: (head: PullHead) => Promise<void>;
  /** the name of this app's own check run, left out when judging other checks */
  checkName: string;
  appSlug?: string;
  now?: () => Date;
}

export interface PlansAtHead {
  /** the commit the plans were read at */
  sha: string;
  plans: PlanDocument[];
  /**
   * That read when it was of the head branch (head oid + plan texts in that commit, one query):
   * the first compare-and-swap attempt writes on it without reading again. Null for forks and
   * closed PRs (read at the head sha; nothing is written there).
   */
  branch: BranchFiles | null;
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
 * Runs the `/plan` commands of one PR comment: each command (authorised by repository
 * role), then ONE reply for everything that needs saying, 🚀 or 😕, and a check refresh when a
 * commit was made. The plans are read once (one query, which is also the first compare-and-swap
 * read) and again only after a commit. Returns null when the comment has no command.
 */
export async function runPlanCommand(input: PlanCommandInput): Promise<PlanCommandReport | null> {
  const parsed = parseCommands(input.body);
  if (parsed.commands.length === 0) return null;
  const { octokit, owner, repo } = input;
  const comment = { owner, repo, commentId: input.commentId };
  // No 👀 first: every reaction is a write that waits for a throttle slot, and the 🚀/😕 (or
  // the reply) follows within seconds.

  let head = input.head;
  let read: PlansAtHead | null = null;
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
    if (command.kind !== "status" && head.state !== "open") {
      results.push({ command, ok: false, message: "This pull request is closed, so I won't change its branch. Confirm phases on an open pull request." });
      continue;
    }
    if (!read) {
      read = await input.readPlans(head);
      head = { ...head, sha: read.sha };
    }
    if (command.kind === "status") {
      results.push({ command, ok: true, message: formatStatus(read.plans, head.sha) });
      continue;
    }
    const selection = selectPhase(read.plans, command);
    if (!selection.ok) {
      results.push({ command, ok: false, message: selection.message });
      continue;
    }
    const date = (input.now?.() ?? new Date()).toISOString().slice(0, 10);
    const outcome: WriteOutcome = await runPhaseWrite({ ...input, head, branch: read.branch, command, selection, date });
    results.push({ command, ...outcome });
    if (outcome.committed) {
      head = { ...head, sha: outcome.committed };
      read = null; // a later command in this comment reads the new head
    }
  }

  const message = replyBody(input.commenter, results, parsed.dropped);
  if (message !== null) await reply(octokit, { owner, repo, issueNumber: input.issueNumber }, message);
  await react(octokit, comment, results.every((r) => r.ok) ? "rocket" : "confused");
  const committed = results.some((r) => r.committed);
  if (committed) await input.refresh(head);
  return { results, replied: message !== null, refreshedAt: committed ? head.sha : null };
}

/** One reply for all commands that have something to say; null when there is nothing. */
function replyBody(commenter: string, results: readonly CommandResult[], dropped: number): string | null {
  const said = results.filter((r) => r.message !== null);
  const extra = dropped > 0 ? `(${dropped} more \`/plan\` command${dropped === 1 ? " was" : "s were"} ignored: at most ${MAX_COMMANDS} are handled per comment.)` : "";
  if (said.length === 0 && extra === "") return null;
  const parts = said.map((r) => (results.length === 1 ? (r.message as string) : `**\`${r.command.source.replace(/`/g, "'").slice(0, 100)}\`**\n${r.message}`));
  return [`@${commenter}`, ...parts, extra].filter(Boolean).join("\n\n");
}
