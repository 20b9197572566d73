import * as core from "@actions/core";
import type { MergedPull } from "../core/append-changelog-on-merge.js";
import { mergeSkipReason, recordMergedPull } from "../core/record-merged-pull.js";
import type { GitHubClient } from "../github/client.js";
import { forkAdvice } from "./fork-advice.js";

/** `pull_request` closed: the Change Log row when it was merged (idempotent, compare-and-swap, a PR when the base is protected). Returns the summary line. */
export async function runMergeStep(octokit: GitHubClient, target: { owner: string; repo: string; pull: MergedPull & { head: { ref: string } }; configPath: string }): Promise<string> {
  const { pull } = target;
  const skip = mergeSkipReason(pull);
  if (skip) return say(`plan-hygiene: no Change Log row for #${pull.number}: ${skip}.`);
  const outcome = await recordMergedPull(octokit, target);
  const plans = "plans" in outcome ? outcome.plans.map((p) => `${p.path}: ${p.result}${p.reason ? ` (${p.reason})` : ""}`).join("; ") : "";
  switch (outcome.status) {
    case "skipped":
      return say(`plan-hygiene: no Change Log row for #${pull.number}: ${outcome.reason}`);
    case "committed":
      return say(`plan-hygiene: recorded #${pull.number} in the Change Log, commit \`${outcome.commitOid.slice(0, 7)}\` (${plans}).`);
    case "unchanged":
      return say(`plan-hygiene: #${pull.number} is already in the Change Log; nothing written (${plans}).`);
    case "proposed":
      return say(`plan-hygiene: ${pull.base.ref} could not be pushed to; ${outcome.pull.url} adds the Change Log row for #${pull.number}.`);
    case "failed":
      if (/not accessible by integration/i.test(outcome.reason)) {
        const line = forkAdvice(`record #${pull.number} in the Change Log`, outcome.reason, false).split(" The check run")[0] as string;
        core.warning(line);
        return line;
      }
      throw Object.assign(new Error(`could not record #${pull.number} in the Change Log: ${outcome.reason}`), { changelogFailed: true, reason: outcome.reason });
  }
}

function say(line: string): string {
  core.info(line);
  return line;
}
