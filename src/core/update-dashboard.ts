import { isPlanPath } from "../config/plan-paths.js";
import { defaultConfig, type Config } from "../config/schema.js";
import type { GitHubClient, Logger } from "../github/client.js";
import { readConfigFile } from "../github/read-config-files.js";
import { readDashboardFacts, type DashboardFacts } from "../github/read-dashboard-facts.js";
import { readRepoTree, type TreeBlob } from "../github/read-repo-tree.js";
import { upsertDashboardIssue, type DashboardWrite } from "../github/upsert-dashboard-issue.js";
import { lintPlan } from "../lint/lint-plan.js";
import { parseOptionsFor } from "../lint/parse-options.js";
import type { PlanDocument } from "../plan/types.js";
import { buildDashboard, DASHBOARD_MARKER } from "../report/dashboard.js";
import { dashboardRow, type DashboardRow } from "../report/dashboard-row.js";
import type { DashboardMemory } from "./dashboard-memory.js";
import type { ParseCache } from "./parse-cache.js";
import { pathsNamedInBody } from "./paths-named-in-body.js";
import { resolveConfig } from "./resolve-config.js";

/** The repository whose dashboard to update, from any event (push, pull_request, schedule). */
export interface RepositoryEvent {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** https://github.com/owner/repo (or the GHE host's) */
  repoUrl: string;
}

export interface DashboardDeps {
  cache: ParseCache;
  memory: DashboardMemory;
  /** the login the dashboard issue is created as (`<app-slug>[bot]`, `github-actions[bot]`) */
  login: string;
  log: Logger;
  /** the configuration file's path (the Action's `config` input); default .github/plan-hygiene.yml */
  configPath?: string;
}

export interface DashboardOutcome {
  outcome: DashboardWrite | "skipped";
  reason?: string;
  issue: number | null;
  plans: number;
  /** the configuration's `dashboard.debounceSeconds` (for the next burst) */
  debounceSeconds: number;
}

// One GraphQL request reads at most this many uncached blobs (and this many bytes of them).
const MAX_READS_PER_REQUEST = 100;
const MAX_BYTES_PER_REQUEST = 2_000_000;

/**
 * Keeps the repository's plan dashboard issue current. Cost: one recursive tree read (REST), one
 * GraphQL read (configuration, the dashboard issue, open PRs with their files, and the blobs and
 * last-commit dates of plans not seen before — more GraphQL reads only when over 100 of those or
 * 2 MB), then at most one write, only when the body changes. A closed dashboard is reopened while
 * a plan is In Progress and otherwise left closed; with `dashboard.enabled: false` nothing is written.
 */
export async function updateDashboard(octokit: GitHubClient, event: RepositoryEvent, deps: DashboardDeps): Promise<DashboardOutcome> {
  const { owner, repo, defaultBranch } = event;
  const fullName = `${owner}/${repo}`;
  const tree = await readRepoTree(octokit, { owner, repo, ref: defaultBranch });
  const blobs = tree?.blobs ?? [];
  // Before the configuration is read, read what the last-known globs (or the default ones) match.
  const known = deps.memory.repository(fullName);
  const firstConfig = known ? { ...defaultConfig, plans: known.plans } : defaultConfig;
  const firstReads = readsFor(blobs.filter((b) => isPlanPath(b.path, firstConfig)), firstConfig, deps);
  const [firstBatch, ...laterBatches] = batches(firstReads);
  const facts = await readDashboardFacts(octokit, { owner, repo, branch: defaultBranch, login: deps.login, marker: DASHBOARD_MARKER, include: { repoFacts: true }, reads: firstBatch ?? [], ...(deps.configPath ? { configPath: deps.configPath } : {}) });
  const resolved = await resolveConfig(facts.config, (t) => readConfigFile(octokit, t), fullName);
  const { config } = resolved;
  const debounceSeconds = config.dashboard.debounceSeconds;
  const existing = facts.issues[0] ?? null;
  if (!config.dashboard.enabled) {
    deps.memory.rememberRepository(fullName, { enabled: false, debounceSeconds, plans: config.plans, pulls: new Set() });
    return { outcome: "skipped", reason: "dashboard.enabled is false", issue: existing?.number ?? null, plans: 0, debounceSeconds };
  }

  const planBlobs = blobs.filter((b) => isPlanPath(b.path, config));
  const fetched = new Set(firstReads.map((r) => r.path));
  const more = readsFor(planBlobs.filter((b) => !fetched.has(b.path)), config, deps);
  for (const batch of [...laterBatches, ...batches(more)]) {
    const extra = await readDashboardFacts(octokit, { owner, repo, branch: defaultBranch, login: deps.login, marker: DASHBOARD_MARKER, include: { repoFacts: false }, reads: batch });
    for (const [sha, blob] of extra.blobs) facts.blobs.set(sha, blob);
    for (const [path, date] of extra.lastCommits) facts.lastCommits.set(path, date);
  }

  const rows = await planRows(planBlobs, facts, config, event, deps);
  const inProgress = rows.some((r) => r.group === "in-progress");
  const shownPulls = new Set(rows.flatMap((r) => r.pulls ?? []));
  deps.memory.rememberRepository(fullName, { enabled: true, debounceSeconds, plans: config.plans, pulls: shownPulls });
  const skip = (reason: string): DashboardOutcome => ({ outcome: "skipped", reason, issue: existing?.number ?? null, plans: rows.length, debounceSeconds });
  if (!existing && rows.length === 0) return skip("no plan on the default branch yet");
  if (existing?.state === "CLOSED" && !inProgress) return skip(`dashboard #${existing.number} was closed and no plan is In Progress`);

  const body = buildDashboard({ rows, repoUrl: event.repoUrl, ref: defaultBranch, treeTruncated: tree?.truncated ?? false, configProblems: resolved.errors.length, pullsNotMatched: Math.max(0, facts.openPullCount - facts.pulls.length) });
  const written = await upsertDashboardIssue(octokit, { owner, repo, existing, title: config.dashboard.title, body, reopen: inProgress });
  deps.log.info({ dashboard: written.number, write: written.write, plans: rows.length, repo: fullName }, `plan-hygiene: dashboard ${fullName}#${written.number} ${written.write}`);
  return { outcome: written.write, issue: written.number, plans: rows.length, debounceSeconds };
}

interface Read {
  path: string;
  blobSha: string | null;
  date: boolean;
  size: number;
}

/** What must be read for these blobs: text unless the parse is cached, the date unless known. */
function readsFor(blobs: readonly TreeBlob[], config: Config, deps: DashboardDeps): Read[] {
  return blobs.flatMap((b) => {
    const text = deps.cache.peek(b.sha, b.path, parseOptionsFor(config, b.path)) === undefined;
    const date = deps.memory.lastCommit(b.path, b.sha) === undefined;
    return text || date ? [{ path: b.path, blobSha: text ? b.sha : null, date, size: text ? b.size : 0 }] : [];
  });
}

function batches(reads: readonly Read[]): Read[][] {
  const out: Read[][] = [];
  let current: Read[] = [];
  let bytes = 0;
  for (const read of reads) {
    if (current.length > 0 && (current.length >= MAX_READS_PER_REQUEST || bytes + read.size > MAX_BYTES_PER_REQUEST)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(read);
    bytes += read.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

async function planRows(planBlobs: readonly TreeBlob[], facts: DashboardFacts, config: Config, event: RepositoryEvent, deps: DashboardDeps): Promise<DashboardRow[]> {
  const parsed = await Promise.all(
    planBlobs.map(async (b): Promise<PlanDocument | null> => {
      const options = parseOptionsFor(config, b.path);
      const cached = deps.cache.peek(b.sha, b.path, options);
      if (cached) return cached;
      const text = facts.blobs.get(b.sha)?.text;
      return typeof text === "string" ? deps.cache.parseAsync(b.sha, b.path, text, options) : null;
    }),
  );
  const pulls = facts.pulls.map((p) => ({ number: p.number, paths: new Set([...p.files, ...pathsNamedInBody(p.body, event.owner, event.repo)]) }));
  const rows: DashboardRow[] = [];
  planBlobs.forEach((b, i) => {
    const plan = parsed[i];
    if (!plan || !(plan.isPlan || plan.unparseable)) return;
    const fresh = facts.lastCommits.get(b.path);
    if (fresh) deps.memory.rememberLastCommit(b.path, b.sha, fresh);
    rows.push(
      dashboardRow({
        path: b.path,
        plan,
        findings: lintPlan(plan, config).map((f) => ({ ...f, path: b.path })),
        pulls: pulls.filter((p) => p.paths.has(b.path)).map((p) => p.number),
        lastCommit: fresh ?? deps.memory.lastCommit(b.path, b.sha) ?? null,
      }),
    );
  });
  return rows;
}
