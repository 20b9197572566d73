import { DashboardMemory } from "../core/dashboard-memory.js";
import type { ParseCache } from "../core/parse-cache.js";
import { pushTouchesPlans, type PushLike } from "../core/push-touches-plans.js";
import { updateDashboard } from "../core/update-dashboard.js";
import type { GitHubClient, Logger } from "../github/client.js";

/** The author of issues created with the job's GITHUB_TOKEN (how the Action finds its dashboard). */
export const ACTIONS_LOGIN = "github-actions[bot]";

/**
 * `push` to the default branch (touching a plan or the configuration) and `schedule` → one
 * dashboard update, as the App does after its debounce. Returns the step's one-line summary.
 */
export async function runDashboardStep(
  octokit: GitHubClient,
  target: { owner: string; repo: string; serverUrl: string; eventName: string; payload: Record<string, any> },
  deps: { log: Logger; cache: ParseCache; configPath?: string },
): Promise<string> {
  const { owner, repo, payload } = target;
  if (target.eventName === "push") {
    const decision = pushTouchesPlans(payload as PushLike, null);
    if (!decision.touches) return `plan-hygiene: dashboard not updated: ${decision.reason}.`;
  }
  // A scheduled run's event names no repository details: one plain read for the default branch.
  const defaultBranch: string = payload.repository?.default_branch ?? (await octokit.rest.repos.get({ owner, repo })).data.default_branch;
  const outcome = await updateDashboard(
    octokit,
    { owner, repo, defaultBranch, repoUrl: `${target.serverUrl.replace(/\/$/, "")}/${owner}/${repo}` },
    { cache: deps.cache, memory: new DashboardMemory(), login: ACTIONS_LOGIN, log: deps.log, ...(deps.configPath ? { configPath: deps.configPath } : {}) },
  );
  const issue = outcome.issue !== null ? ` #${outcome.issue}` : "";
  return `plan-hygiene: dashboard${issue} ${outcome.outcome}${outcome.reason ? ` (${outcome.reason})` : ""}, ${outcome.plans} plan${outcome.plans === 1 ? "" : "s"}.`;
}
