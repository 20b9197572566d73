import * as core from "@actions/core";
import type { MergedPull } from "../core/append-changelog-on-merge.js";
import type { BuiltCheck, CheckDeps } from "../core/check-pull-request.js";
import { ParseCache } from "../core/parse-cache.js";
import { toPlanComment } from "../core/plan-comment.js";
import { toPullRequestEvent } from "../core/pull-request-event.js";
import { pullRequestSkipReason } from "../core/pull-request-skip-reason.js";
import { tokenOctokit } from "../github/token-octokit.js";
import { PULL_REQUEST_EVENTS } from "../handlers/pull-request.js";
import { buildStickyComment } from "../report/sticky-comment.js";
import { actionLogger } from "./action-logger.js";
import { runCheckStep } from "./check-event.js";
import { runCommentStep } from "./comment-event.js";
import { failureFor } from "./fail-on.js";
import { readInputs } from "./inputs.js";
import { runDashboardStep } from "./dashboard-event.js";
import { runMergeStep } from "./merge-event.js";
import { reportOutputs } from "./report-outputs.js";
import { readRunnerEnv } from "./runner-env.js";

const CHECKED_ACTIONS = new Set(PULL_REQUEST_EVENTS.map((e) => e.split(".")[1]));

/**
 * The Action: the runner's event → one call of the core, like the Probot handlers; then the
 * step's outputs, job summary and exit status. Any other event is one line and success.
 */
export async function runAction(): Promise<void> {
  const env = readRunnerEnv();
  if ("problem" in env) return core.setFailed(`plan-hygiene: ${env.problem}`);
  const read = readInputs();
  if ("problem" in read) return core.setFailed(`plan-hygiene: ${read.problem}`);
  const { runner } = env;
  const { inputs } = read;
  const { eventName, payload, owner, repo } = runner;
  const action = typeof payload.action === "string" ? payload.action : "";
  const octokit = tokenOctokit({ token: inputs.token, apiUrl: runner.apiUrl, graphqlUrl: runner.graphqlUrl, userAgent: "plan-hygiene-action", warn: core.info });
  const deps: CheckDeps = { log: actionLogger(), cache: new ParseCache(), configPath: inputs.configPath, ...(inputs.comment ? { commentMode: inputs.comment } : {}) };

  if ((eventName === "pull_request" || eventName === "pull_request_target") && payload.pull_request) {
    if (action === "closed") {
      const line = await runMergeStep(octokit, { owner, repo, pull: payload.pull_request as MergedPull & { head: { ref: string } }, configPath: inputs.configPath });
      reportOutputs(null);
      await core.summary.addRaw(line, true).write();
      return;
    }
    if (!CHECKED_ACTIONS.has(action)) return ignored(eventName, action);
    const skip = pullRequestSkipReason(payload as Parameters<typeof pullRequestSkipReason>[0]);
    if (skip) {
      core.info(`plan-hygiene: nothing to check: ${skip}`);
      reportOutputs(null);
      return;
    }
    const step = await runCheckStep(octokit, toPullRequestEvent(payload.pull_request, null), deps);
    const counts = reportOutputs(step.built);
    await writeSummary(step.refused ? [`> [!WARNING]\n> ${step.refused}`] : [], step.built, step.outcome?.reason);
    const failure = failureFor(inputs.failOn, counts);
    if (failure) core.setFailed(failure);
    return;
  }
  if (eventName === "issue_comment") {
    const comment = toPlanComment(payload);
    if (!comment) return ignored(eventName, `${action}, not a new comment by a person on a pull request`);
    const step = await runCommentStep(octokit, comment, deps);
    reportOutputs(step.built);
    await writeSummary(step.lines, step.built);
    return;
  }
  if (eventName === "push" || eventName === "schedule") {
    const line = await runDashboardStep(octokit, { owner, repo, serverUrl: runner.serverUrl, eventName, payload }, { log: actionLogger(), cache: deps.cache, configPath: inputs.configPath });
    core.info(line);
    reportOutputs(null);
    await core.summary.addRaw(line, true).write();
    return;
  }
  ignored(eventName, action);
}

function ignored(eventName: string, action: string): void {
  core.info(`plan-hygiene: ignored the \`${eventName}${action ? `.${action}` : ""}\` event (it handles pull_request, pull_request_target, issue_comment, push and schedule).`);
}

/** The job summary: the sticky comment's markdown for the check this run built (also when no comment is posted). */
async function writeSummary(head: string[], built: BuiltCheck | null, skipped?: string): Promise<void> {
  const parts = [...head];
  if (built) parts.push(buildStickyComment(built.report));
  else if (skipped) parts.push(`plan-hygiene: nothing to check (${skipped}).`);
  if (parts.length > 0) await core.summary.addRaw(parts.join("\n\n"), true).write();
}
