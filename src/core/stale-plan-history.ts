import type { Config } from "../config/schema.js";
import { addPlanFindings } from "./add-plan-findings.js";
import type { GitHubClient } from "../github/client.js";
import { lastCommitDate } from "../github/last-commit-date.js";
import { lintPlan } from "../lint/lint-plan.js";
import type { RepoPath } from "../plan/repo-path.js";
import type { PlanResult } from "../report/check-report.js";
import type { HistoryView } from "../repo/repo-view.js";
import { isRuleOff } from "../rules/rule-setting.js";
import { inProgress, stalePlan, stalePlanPaths, staleDays } from "../rules/stale-plan.js";

/** Paths asked about per plan (one GET each); a plan naming more stays unchecked unless an early one is recent. */
export const MAX_HISTORY_PATHS = 10;
const DAY = 24 * 60 * 60 * 1000;

/**
 * `stale-plan` for the PR check, on the plans the PR names but does not change (a plan it
 * changes is plainly not stale). Per such plan that is In Progress: one plain REST GET for the
 * plan's own last commit; only when that is older than `rules.stale-plan.days`, one per path
 * its phases name, in order, stopping at the first recent one (at most MAX_HISTORY_PATHS). No
 * throttled request. Globs and bare file names cannot be asked (the API takes one literal path),
 * nor paths past the bound: when one remains and nothing asked was recent, the answer is unknown
 * and the rule stays silent rather than call a plan stale on half the evidence.
 */
export async function addStalePlanFindings(
  octokit: GitHubClient,
  target: { owner: string; repo: string; headSha: string },
  plans: PlanResult[],
  config: Config,
  now = new Date(),
): Promise<void> {
  if (isRuleOff(config, stalePlan.id)) return;
  const window = staleDays({ config }) * DAY;
  for (const p of plans) {
    if (p.changed || p.plan.unparseable || !p.plan.isPlan || !inProgress(p.plan)) continue;
    const history = await askHistory(octokit, target, stalePlanPaths(p.plan), now, window);
    addPlanFindings(p, lintPlan(p.plan, config, [stalePlan], { history }));
  }
}

/** A HistoryView answering from the commits asked for, newest first; unknown when any path could not be asked. */
async function askHistory(octokit: GitHubClient, target: { owner: string; repo: string; headSha: string }, paths: readonly RepoPath[], now: Date, window: number): Promise<HistoryView> {
  let newest: Date | null = null;
  let known = true;
  let asked = 0;
  for (const path of paths) {
    const askable = path.kind !== "glob" && (path.kind === "directory" || path.path.includes("/") || asked === 0);
    if (!askable || asked >= MAX_HISTORY_PATHS) {
      known = false;
      continue;
    }
    asked++;
    const date = await lastCommitDate(octokit, { owner: target.owner, repo: target.repo, sha: target.headSha, path: path.path.replace(/\/$/, "") });
    if (date === undefined) known = false;
    else if (date !== null && (newest === null || date > newest)) newest = date;
    // one recent change is enough: the plan is not stale, and the rest need not be asked
    if (newest !== null && now.getTime() - newest.getTime() < window) return view(newest, now);
  }
  return view(known ? newest : undefined, now);
}

function view(last: Date | null | undefined, now: Date): HistoryView {
  return { now, missing: last === undefined ? "some named paths could not be asked about" : null, lastChange: () => last };
}
