import type { GitHubClient, Logger } from "../github/client.js";
import { DashboardMemory } from "../core/dashboard-memory.js";
import { KeyedDebounce } from "../core/keyed-debounce.js";
import type { ParseCache } from "../core/parse-cache.js";
import { updateDashboard, type RepositoryEvent } from "../core/update-dashboard.js";
import { defaultConfig } from "../config/schema.js";

type RequestHook = (name: "request", fn: (...args: any[]) => unknown) => void;

export interface DashboardScheduler {
  memory: DashboardMemory;
  /** Asks for one update of the repository's dashboard within its debounce window. */
  request(octokit: GitHubClient, event: RepositoryEvent, log: Logger): "scheduled" | "coalesced" | "disabled";
  /**
   * Whether a pull request event should refresh the dashboard's "open PRs" column: the PR changes
   * or names a plan, or the dashboard shows it now. Only for repositories whose dashboard this
   * process has updated (pushes create it; the PR events only keep that column current).
   */
  wantsPull(fullName: string, pull: number, touchesPlan: boolean): boolean;
  /** Waits for updates in progress (tests, shutdown). */
  idle(): Promise<void>;
  /** Repositories with an update waiting for its window or running. */
  readonly pending: number;
}

/**
 * The per-repository debounce in front of `updateDashboard`: a burst of events → one update,
 * `dashboard.debounceSeconds` (learned from the repository's last update; `defaultSeconds`
 * before that) after the first. Each update logs one line with its API requests.
 */
export function createDashboardScheduler(options: { cache: ParseCache; login: () => Promise<string | null>; defaultSeconds?: number; memory?: DashboardMemory }): DashboardScheduler {
  const memory = options.memory ?? new DashboardMemory();
  const fallbackSeconds = options.defaultSeconds ?? defaultConfig.dashboard.debounceSeconds;
  // Jobs log their own failures; this only catches a failing logger.
  const debounce = new KeyedDebounce((key, error) => console.error(`plan-hygiene: dashboard update of ${key} failed: ${String(error)}`));

  async function run(octokit: GitHubClient, event: RepositoryEvent, log: Logger): Promise<void> {
    const key = `${event.owner}/${event.repo}`;
    const started = performance.now();
    const counter = countRequests(octokit);
    try {
      const login = await options.login();
      if (!login) throw new Error("the app's login is unknown (GET /app failed), so its dashboard issue cannot be found; retried on the next event");
      const outcome = await updateDashboard(octokit, event, { cache: options.cache, memory, login, log });
      const durationMs = Math.round(performance.now() - started);
      const fields = { event: "dashboard", repo: key, issue: outcome.issue, plans: outcome.plans, apiRequests: counter.count, durationMs, outcome: outcome.outcome, ...(outcome.reason ? { reason: outcome.reason } : {}) };
      log.info(fields, `dashboard ${key}: ${outcome.outcome}${outcome.issue !== null ? ` #${outcome.issue}` : ""} in ${durationMs} ms, ${counter.count} API request${counter.count === 1 ? "" : "s"}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log.error({ err: error, event: "dashboard", repo: key, apiRequests: counter.count, outcome: "error" }, `dashboard ${key}: failed: ${message}`);
    } finally {
      counter.stop();
    }
  }

  return {
    memory,
    request(octokit, event, log) {
      const key = `${event.owner}/${event.repo}`;
      const known = memory.repository(key);
      // `dashboard.enabled: false` (learned at the last update; a push changing the config forgets it).
      if (known && !known.enabled) return "disabled";
      return debounce.schedule(key, known?.debounceSeconds ?? fallbackSeconds, () => run(octokit, event, log));
    },
    wantsPull(fullName, pull, touchesPlan) {
      const facts = memory.repository(fullName);
      return facts !== undefined && facts.enabled && (touchesPlan || facts.pulls.has(pull));
    },
    idle: () => debounce.idle(),
    get pending() {
      return debounce.size;
    },
  };
}

/** Counts this octokit's requests until `stop()` (each event has its own octokit). */
function countRequests(octokit: unknown): { count: number; stop: () => void } {
  const state = { count: 0, active: true, stop: () => void (state.active = false) };
  const hook = (octokit as { hook?: { after?: RequestHook; error?: RequestHook } } | null)?.hook;
  hook?.after?.("request", () => {
    if (state.active) state.count++;
  });
  hook?.error?.("request", (error: unknown) => {
    if (state.active) state.count++;
    throw error;
  });
  return state;
}
