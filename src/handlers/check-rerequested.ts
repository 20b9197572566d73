import type { Context } from "probot";
import { checkPullRequest } from "../core/check-pull-request.js";
import { toPullRequestEvent } from "../core/pull-request-event.js";
import type { GitHubClient } from "../github/client.js";
import { CHECK_NAME } from "../github/check-run.js";
import { findPullRequestsForCommit } from "../github/find-pull-requests-for-commit.js";
import type { HandlerDeps, HandlerNote } from "./handler-deps.js";

export const RERUN_EVENTS = ["check_run.rerequested", "check_suite.rerequested"] as const;

type RerunContext = Context<(typeof RERUN_EVENTS)[number]>;

/** "Re-run" on the check run or its suite: check again every open PR whose head is that commit. */
export function checkRerequestedHandler(deps: HandlerDeps) {
  return async (context: RerunContext): Promise<HandlerNote> => {
    const { payload } = context;
    const source = "check_run" in payload ? payload.check_run : payload.check_suite;
    if ("check_run" in payload && payload.check_run.name !== CHECK_NAME) return { outcome: "skipped", reason: `not our check (${payload.check_run.name})` };
    const sha = "check_run" in payload ? payload.check_run.head_sha : payload.check_suite.head_sha;
    const numbers = (source.pull_requests ?? []).map((p) => p.number);
    const octokit = context.octokit;
    const { owner, repo } = context.repo();
    const pulls = await findPullRequestsForCommit(octokit, { owner, repo, sha, numbers });
    if (pulls.length === 0) return { outcome: "skipped", reason: `no open pull request has head ${sha.slice(0, 7)}` };
    let plans = 0;
    for (const pull of pulls) {
      const event = toPullRequestEvent({ ...pull, base: { ...pull.base, repo: { ...pull.base.repo, html_url: payload.repository.html_url } } }, payload.installation?.id ?? null);
      plans += (await checkPullRequest(octokit, event, { log: context.log, cache: deps.cache })).plans;
    }
    return { outcome: "ok", plans };
  };
}
