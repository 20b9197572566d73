import * as core from "@actions/core";
import { checkPullRequest, type BuiltCheck, type CheckDeps, type CheckOutcome } from "../core/check-pull-request.js";
import type { PullRequestEvent } from "../core/pull-request-event.js";
import type { GitHubClient } from "../github/client.js";
import { annotateFindings } from "./annotate-findings.js";
import { forkAdvice } from "./fork-advice.js";
import { isWriteRefused } from "./write-refused.js";

export interface CheckStep {
  outcome: CheckOutcome | null;
  built: BuiltCheck | null;
  /** set when a write was refused: what could not be posted, and the advice given */
  refused: string | null;
}

/**
 * The PR check from a workflow: the same check run and sticky comment as the App; the sticky
 * comment's markdown goes to the job summary too. When the token may not write, the findings
 * become workflow-command annotations and the summary says what a maintainer can enable.
 */
export async function runCheckStep(octokit: GitHubClient, event: PullRequestEvent, deps: CheckDeps): Promise<CheckStep> {
  let built: BuiltCheck | null = null;
  try {
    const outcome = await checkPullRequest(octokit, event, { ...deps, onReport: (b) => ((built = b), deps.onReport?.(b)) });
    if (outcome.outcome === "skipped") core.info(`plan-hygiene: nothing to check: ${outcome.reason}`);
    else core.info(`plan-hygiene: checked ${outcome.plans} plan(s) at ${event.headSha.slice(0, 7)}: ${outcome.conclusion ?? "no check run"}, comment ${outcome.comment}`);
    return { outcome, built, refused: null };
  } catch (error) {
    const found = built as BuiltCheck | null;
    if (!found || !isWriteRefused(error)) throw error;
    // The check run comes first: when only the comment was refused, the check run already carries the annotations.
    const url = String((error as { request?: { url?: unknown } }).request?.url ?? "");
    const checkRefused = found.checkRun !== null && !/\/issues\//.test(url);
    const advice = forkAdvice(checkRefused ? "post the check run" : "post the sticky comment", (error as Error).message, checkRefused);
    core.warning(advice);
    if (checkRefused) annotateFindings(found.report);
    return { outcome: null, built: found, refused: advice };
  }
}
