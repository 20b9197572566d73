import type { Context } from "probot";
import { pushTouchesPlans } from "../core/push-touches-plans.js";
import type { DashboardScheduler } from "./dashboard-scheduler.js";
import type { HandlerNote } from "./handler-deps.js";

/** `push` → a debounced dashboard update, only for pushes to the default branch that touch a plan (decided without a request). */
export function pushHandler(dashboard: DashboardScheduler) {
  return async (context: Context<"push">): Promise<HandlerNote> => {
    const { payload } = context;
    const fullName = payload.repository.full_name;
    const known = dashboard.memory.repository(fullName);
    const decision = pushTouchesPlans(payload, known?.plans ?? null);
    if (!decision.touches) return { outcome: "skipped", reason: decision.reason };
    if (decision.configChanged) dashboard.memory.forgetRepository(fullName);
    const scheduled = dashboard.request(context.octokit, repositoryEvent(payload.repository), context.log);
    if (scheduled === "disabled") return { outcome: "skipped", reason: "dashboard.enabled is false" };
    return { outcome: "ok", reason: `dashboard update ${scheduled} (${decision.reason})` };
  };
}

/** The dashboard's view of a webhook's `repository`. */
export function repositoryEvent(repository: { full_name: string; default_branch?: string; master_branch?: string; html_url: string }) {
  const [owner, repo] = repository.full_name.split("/") as [string, string];
  return { owner, repo, defaultBranch: repository.default_branch ?? repository.master_branch ?? "main", repoUrl: repository.html_url };
}
