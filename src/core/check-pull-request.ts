import type { GitHubClient, Logger } from "../github/client.js";
import { completeCheckRun, startCheckRun, type Conclusion } from "../github/check-run.js";
import { listPullRequestFiles, PULL_FILES_LIMIT } from "../github/list-pull-request-files.js";
import { upsertStickyComment, type UpsertResult } from "../github/upsert-sticky-comment.js";
import type { Config } from "../config/schema.js";
import type { CheckReport } from "../report/check-report.js";
import { buildCheckRun, type CheckRunResult } from "../report/check-run.js";
import { buildStickyComment } from "../report/sticky-comment.js";
import { shouldComment } from "./decide-comment.js";
import { findStaleConfirmations } from "../github/find-stale-confirmations.js";
import { applyConfiguredSeverity } from "../lint/apply-configured-severity.js";
import { isRuleOff } from "../rules/rule-setting.js";
import { staleConfirmation } from "../rules/stale-confirmation.js";
import { findPlans } from "./find-plans.js";
import { addRepositoryFindings } from "./repository-findings.js";
import { addTickNotices } from "./tick-notices.js";
import { addStalePlanFindings } from "./stale-plan-history.js";
import type { ParseCache } from "./parse-cache.js";
import { pathsNamedInBody } from "./paths-named-in-body.js";
import type { PullRequestEvent } from "./pull-request-event.js";
import { reportCheckFailure } from "./report-check-failure.js";

export interface CheckDeps {
  log: Logger;
  cache: ParseCache;
  /** the configuration file (default `.github/plan-hygiene.yml`; the Action's `config` input) */
  configPath?: string;
  /** replaces the configuration's `comment.mode` (the Action's `comment` input) */
  commentMode?: Config["comment"]["mode"];
  /** sees what the check will post before anything is written (the Action's summary, `check-pr`'s preview) */
  onReport?: (built: BuiltCheck) => void;
  /** read and build only; write nothing (`check-pr` without `--post`) */
  dryRun?: boolean;
}

/** What one check posts: the check run (null when `check.noPlan: skip` posts none) and the sticky comment body (null: no comment). */
export interface BuiltCheck {
  report: CheckReport;
  config: Config;
  checkRun: CheckRunResult | null;
  comment: string | null;
}

export interface CheckOutcome {
  outcome: "ok" | "skipped";
  reason?: string;
  plans: number;
  conclusion: Conclusion | null;
  checkRunId: number | null;
  comment: UpsertResult | "none";
}

/**
 * The "Plan hygiene" check of one pull request: find its plans (changed or named), lint them,
 * post the check run and keep the sticky comment current. Typical cost after the installation
 * token: plain REST reads (file list, plans, configuration, comments; many plans: one GraphQL
 * query instead), ONE throttled write for the check run (created completed; in progress first
 * only when a plan parses in a worker), and the comment write only when its text changes.
 * `ticked-without-change` costs nothing (the plan at the merge base is rebuilt from the listing's
 * patch); `stale-plan` reads commit dates (plain GETs) only for plans named but not changed. The check run is always completed:
 * on any error it concludes `failure` saying so, and the error is logged and rethrown.
 */
export async function checkPullRequest(octokit: GitHubClient, event: PullRequestEvent, deps: CheckDeps): Promise<CheckOutcome> {
  const { owner, repo, headSha } = event;
  const state = { checkRunId: null as number | null, completed: false };
  try {
    const listing = await listPullRequestFiles(octokit, { owner, repo, number: event.number });
    const named = pathsNamedInBody(event.body, owner, repo);
    // The run is created in progress first only when a plan parses in a worker (the result
    // visibly takes a while); otherwise it is created once, already completed: one write.
    const startEarly = async () => {
      if (!deps.dryRun) state.checkRunId ??= await startCheckRun(octokit, { owner, repo, headSha });
    };
    const found = await findPlans(octokit, { owner, repo, headSha, pullNumber: event.number, changed: listing.files, named, configPath: deps.configPath }, deps.cache, startEarly);
    const configured = found.resolved.config;
    const config = deps.commentMode ? { ...configured, comment: { ...configured.comment, mode: deps.commentMode } } : configured;
    // Confirmations made stale by later commits to the files their phase names (one compare per confirmation commit).
    if (!isRuleOff(config, staleConfirmation.id)) {
      for (const p of found.plans) p.findings.push(...applyConfiguredSeverity(await findStaleConfirmations(octokit, { owner, repo, headSha }, p.plan), config));
    }
    await addRepositoryFindings(octokit, { owner, repo, headSha }, found.plans, config);
    await addTickNotices(found.plans, listing, found.context.blobs, config, deps.cache);
    await addStalePlanFindings(octokit, { owner, repo, headSha }, found.plans, config);
    const report: CheckReport = {
      repoUrl: event.repoUrl,
      headSha,
      number: event.number,
      plans: found.plans,
      configErrors: found.resolved.errors.map(({ source, path, line, key, message }) => ({ source, path, line, key, message })),
      truncatedAt: listing.truncated ? PULL_FILES_LIMIT : null,
      unreadable: found.unreadable,
      changedFiles: listing.files.map((f) => f.path),
    };
    const skip = async (reason: string): Promise<CheckOutcome> => {
      // a run already started (a slow parse) is never left in progress
      if (state.checkRunId !== null) await completeCheckRun(octokit, { owner, repo, headSha, id: state.checkRunId, conclusion: "skipped", output: { title: "Not checked", summary: `Not checked: ${reason}.` }, annotations: [] });
      state.completed = true;
      return { outcome: "skipped", reason, plans: found.plans.length, conclusion: null, checkRunId: state.checkRunId, comment: "none" };
    };
    if (event.draft && config.check.drafts === "skip") return await skip("draft pull requests are not checked (check.drafts: skip)");
    const nothing = found.plans.length === 0 && report.configErrors.length === 0 && report.truncatedAt === null && report.unreadable.length === 0;
    if (nothing && config.check.noPlan === "skip" && !found.context.sticky) return await skip("no plan touched or named (check.noPlan: skip)");

    const built = buildCheckRun(report);
    const posts = !nothing || config.check.noPlan !== "skip" || state.checkRunId !== null;
    const problems = report.configErrors.length + found.plans.reduce((n, p) => n + p.findings.length, 0);
    const wanted = shouldComment({ config, draft: event.draft, plans: found.plans.length, problems, hasExisting: found.context.sticky !== null });
    const body = wanted ? buildStickyComment(report) : null;
    deps.onReport?.({ report, config, checkRun: posts ? built : null, comment: body });
    if (deps.dryRun) {
      state.completed = true;
      return { outcome: "ok", plans: found.plans.length, conclusion: built.conclusion, checkRunId: null, comment: "none" };
    }
    if (posts) {
      state.checkRunId = await completeCheckRun(octokit, { owner, repo, headSha, id: state.checkRunId, ...built });
    }
    state.completed = true;

    let comment: CheckOutcome["comment"] = "none";
    if (body !== null) comment = await upsertStickyComment(octokit, { owner, repo, number: event.number, existing: found.context.sticky, body });
    deps.log.info({ plans: found.plans.length, conclusion: built.conclusion, comment, pr: event.number }, "plan-hygiene check completed");
    return { outcome: "ok", plans: found.plans.length, conclusion: built.conclusion, checkRunId: state.checkRunId, comment };
  } catch (error) {
    if (!state.completed && !deps.dryRun) await reportCheckFailure(octokit, { owner, repo, headSha, id: state.checkRunId }, error, deps.log);
    throw error;
  }
}
