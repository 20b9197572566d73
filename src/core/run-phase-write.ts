import { parseOptionsFor } from "../lint/parse-options.js";
import type { Octokit } from "@octokit/rest";
import type { Config } from "../config/schema.js";
import type { PlanDocument } from "../plan/types.js";
import { parsePlan } from "../plan/parse.js";
import type { Replacement } from "../edit/splice.js";
import { decidePhaseDone } from "../commands/decide-phase-done.js";
import { decidePhaseReopen } from "../commands/decide-phase-reopen.js";
import { judgeChecks, type ChecksVerdict } from "../commands/judge-checks.js";
import { selectPhase, type Selection } from "../commands/select-phase.js";
import { fence, formatDiff } from "../commands/format-diff.js";
import type { PlanCommand } from "../commands/types.js";
import { commitFileChange } from "../github/commit-file.js";
import { listCheckRuns } from "../github/list-check-runs.js";
import type { PullHead } from "../github/get-pull-head.js";
import type { BranchFiles } from "../github/read-branch-files.js";

export interface PhaseWriteInput {
  octokit: Pick<Octokit, "request" | "graphql">;
  owner: string;
  repo: string;
  commenter: string;
  config: Config;
  checkName: string;
  appSlug?: string;
  head: PullHead;
  /** the head branch as just read (see `PlansAtHead.branch`); null reads it first */
  branch: BranchFiles | null;
  command: PlanCommand;
  selection: Extract<Selection, { ok: true }>;
  date: string;
}

export interface WriteOutcome {
  ok: boolean;
  message: string | null;
  /** the new head commit when one was made */
  committed?: string;
}

type Decision = { kind: "edit"; text: string; replacements: Replacement[] | null } | { kind: "no"; ok: boolean; message: string } | { kind: "needs-checks" };

/**
 * phase-done / phase-reopen on the PR head branch: ONE compare-and-swap commit of the plan
 * (decided again on every re-read, so a concurrent push is kept, never clobbered); on a fork PR a
 * diff in the reply instead, recording nothing.
 */
export async function runPhaseWrite(input: PhaseWriteInput): Promise<WriteOutcome> {
  const { octokit, owner, repo, head, command, selection } = input;
  const checked = new Map<string, ChecksVerdict>();
  const verdictFor = async (sha: string) => {
    if (!checked.has(sha)) {
      const runs = await listCheckRuns(octokit, { owner, repo, ref: sha });
      checked.set(sha, judgeChecks(runs, sha, { checkName: input.checkName, appSlug: input.appSlug }));
    }
    return checked.get(sha) as ChecksVerdict;
  };
  const decide = (plan: PlanDocument, sha: string): Decision => {
    const again = selectPhase([plan], { kind: command.kind, words: [{ text: selection.phase.id, end: selection.phase.id.length }], args: selection.phase.id });
    if (!again.ok) return { kind: "no", ok: false, message: again.message };
    if (command.kind === "phase-reopen") {
      const d = decidePhaseReopen(plan, again.phase);
      return d.kind === "edit" ? { kind: "edit", text: d.text, replacements: null } : { kind: "no", ok: d.kind === "not-confirmed", message: d.message };
    }
    const d = decidePhaseDone({
      plan,
      phase: again.phase,
      force: command.force,
      commands: input.config.commands,
      user: input.commenter,
      date: input.date,
      headSha: sha,
      note: selection.rest,
      checks: checked.get(sha) ?? null,
    });
    if (d.kind === "edit") return { kind: "edit", text: d.text, replacements: d.replacements };
    if (d.kind === "needs-checks") return d;
    return { kind: "no", ok: d.kind === "already", message: d.message };
  };

  if (head.fromFork) {
    let d = decide(selection.plan, head.sha);
    if (d.kind === "needs-checks") {
      await verdictFor(head.sha);
      d = decide(selection.plan, head.sha);
    }
    if (d.kind !== "edit") return d.kind === "no" ? { ok: d.ok, message: d.message } : { ok: false, message: "Could not verify the checks." };
    return { ok: false, message: forkMessage(selection.plan, d.text, d.replacements, command) };
  }

  const path = selection.plan.path;
  // the last read of the branch: the first attempt of every round writes on it without reading again
  let latest: BranchFiles | null = input.branch;
  for (let round = 0; round < 3; round++) {
    let outcome: Decision | null = null;
    let wrote = false;
    let pendingSha = "";
    const result = await commitFileChange(octokit, {
      owner,
      repo,
      branch: head.ref,
      path,
      message: commitMessage(command, selection, input.commenter, head.number),
      backoffMs: 0,
      firstRead: latest,
      edit: (text, headOid) => {
        latest = { headOid, texts: { [path]: text } };
        const d = decide(parsePlan(text, path, parseOptionsFor(input.config, path)), headOid);
        // after a lost response, the re-read shows our own write: that is success, not "already"
        if (d.kind === "no" && wrote && d.ok) return null;
        outcome = d;
        pendingSha = headOid;
        if (d.kind !== "edit") return null;
        wrote = true;
        return d.text;
      },
    });
    const last = outcome as Decision | null;
    if (last?.kind === "needs-checks") {
      await verdictFor(pendingSha);
      continue;
    }
    if (result.status === "committed") return { ok: true, message: null, committed: result.commitOid };
    if (result.status === "unchanged") {
      if (wrote) return { ok: true, message: null, committed: result.headOid };
      return last?.kind === "no" ? { ok: last.ok, message: last.message } : { ok: true, message: null };
    }
    const why = result.status === "forbidden" ? `I can't push to \`${head.ref}\`: ${result.message}` : result.message;
    return { ok: false, message: `${why}\nNothing was recorded. Run the command again, or apply the change yourself.` };
  }
  return { ok: false, message: "The head commit kept changing while I was verifying its checks; nothing was recorded. Run the command again." };
}

function commitMessage(command: PlanCommand, selection: Extract<Selection, { ok: true }>, user: string, pr: number) {
  const verb = command.kind === "phase-done" ? "Confirm" : "Reopen";
  return {
    headline: `plan: ${verb.toLowerCase()} phase ${selection.phase.id} of ${selection.plan.path}`,
    body: `${verb}ed by ${user} with \`/plan ${command.kind}\` on #${pr}.`,
  };
}

function forkMessage(plan: PlanDocument, next: string, replacements: Replacement[] | null, command: PlanCommand): string {
  const diff = formatDiff(plan.path, plan.text, replacements ?? [wholeChange(plan.text, next)]);
  const what = command.kind === "phase-done" ? "confirmation" : "reopening";
  return [
    `This pull request comes from a fork, so I can't push to its branch and **nothing was recorded**. To record the ${what}, apply this change to \`${plan.path}\` and push it (for example \`git apply --unidiff-zero\`):`,
    "",
    fence("diff", diff),
  ].join("\n");
}

/** The one replacement turning `a` into `b` (common prefix and suffix kept). */
function wholeChange(a: string, b: string): Replacement {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { start, end: a.length - end, insert: b.slice(start, b.length - end) };
}
