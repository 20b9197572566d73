import { parseOptionsFor } from "../lint/parse-options.js";
import { isPlanPath } from "../config/plan-paths.js";
import { defaultConfig, type Config } from "../config/schema.js";
import type { GitHubClient } from "../github/client.js";
import type { BlobText, PullRequestContext } from "../github/gather-pull-request-context.js";
import { readCheckInputs, readFilesAt } from "../github/read-check-inputs.js";
import { INLINE_PARSE_LIMIT } from "../plan/parse-async.js";
import type { ChangedFile } from "../github/list-pull-request-files.js";
import { readConfigFile } from "../github/read-config-files.js";
import { lintPlan } from "../lint/lint-plan.js";
import type { PlanResult } from "../report/check-report.js";
import type { ParseCache } from "./parse-cache.js";
import { resolveConfig, type ResolvedConfig } from "./resolve-config.js";

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
/** Blobs fetched in the first GraphQL request, before the configuration is known. */
const MAX_CANDIDATES = 300;

export interface FoundPlans {
  context: PullRequestContext;
  resolved: ResolvedConfig;
  plans: PlanResult[];
  unreadable: string[];
}

/**
 * Finds and lints the plans of a change. The configuration (which says which paths are plans)
 * is read together with the candidate blobs (REST for a few, one GraphQL query for many), so candidates are chosen before
 * it is known: every changed markdown file and every default plan path, plus the paths the
 * description names. A configured glob that matches something else costs one more request.
 */
export async function findPlans(
  octokit: GitHubClient,
  target: { owner: string; repo: string; headSha: string; pullNumber: number | null; changed: readonly ChangedFile[]; named: readonly string[]; configPath?: string },
  cache: ParseCache,
  /** called once before a plan is parsed in a worker (the work will visibly take a while) */
  beforeSlowParse?: () => Promise<void>,
): Promise<FoundPlans> {
  const { owner, repo, headSha, configPath } = target;
  const present = target.changed.filter((f) => f.status !== "removed").map((f) => f.path);
  const candidates = unique([...target.named, ...present.filter((p) => MARKDOWN.test(p) || isPlanPath(p, defaultConfig))]).slice(0, MAX_CANDIDATES);
  const context = await readCheckInputs(octokit, { owner, repo, headSha, paths: candidates, pullNumber: target.pullNumber, configPath });
  const resolved = await resolveConfig(context.config, (t) => readConfigFile(octokit, t), `${owner}/${repo}`);
  const { config } = resolved;

  const matching = present.filter((p) => isPlanPath(p, config));
  const fetched = new Set(candidates);
  const missing = matching.filter((p) => !fetched.has(p));
  if (missing.length > 0) {
    for (const [path, blob] of await readFilesAt(octokit, { owner, repo, ref: headSha, paths: missing })) context.blobs.set(path, blob);
  }

  return { context, resolved, ...(await plansFromBlobs(context.blobs, { changed: target.changed, named: target.named }, config, cache, beforeSlowParse)) };
}

/**
 * The paths to read as plans once the configuration is known: changed files (not removed)
 * matching the plan globs, then the paths the description names. Whether each is a plan is
 * decided from its text (`plansFromBlobs`).
 */
export function planPaths(changed: readonly ChangedFile[], named: readonly string[], config: Config): string[] {
  return unique([...changed.filter((f) => f.status !== "removed" && isPlanPath(f.path, config)).map((f) => f.path), ...named]);
}

/**
 * Parses (cached by blob oid; big files in a worker thread, never blocking the event loop) and
 * lints the plans among `blobs`, read at one commit.
 */
export async function plansFromBlobs(
  blobs: ReadonlyMap<string, BlobText>,
  target: { changed: readonly ChangedFile[]; named: readonly string[] },
  config: Config,
  cache: ParseCache,
  beforeSlowParse?: () => Promise<void>,
): Promise<{ plans: PlanResult[]; unreadable: string[] }> {
  const present = target.changed.filter((f) => f.status !== "removed").map((f) => f.path);
  const matchingSet = new Set(present.filter((p) => isPlanPath(p, config)));
  const changedSet = new Set(present);
  const unreadable: string[] = [];
  const readable: { path: string; blob: BlobText & { text: string } }[] = [];
  for (const path of planPaths(target.changed, target.named, config)) {
    const blob = blobs.get(path);
    if (!blob) continue;
    if (blob.text === null) {
      if (matchingSet.has(path) && MARKDOWN.test(path)) unreadable.push(path);
      continue;
    }
    readable.push({ path, blob: { ...blob, text: blob.text } });
  }
  if (beforeSlowParse && readable.some(({ path, blob }) => blob.text.length >= INLINE_PARSE_LIMIT && blob.text.length <= config.plans.maxFileSize && !cache.has(blob.oid, path, parseOptionsFor(config, path)))) await beforeSlowParse();
  const parsed = await Promise.all(readable.map(({ path, blob }) => cache.parseAsync(blob.oid, path, blob.text, parseOptionsFor(config, path))));
  const plans: PlanResult[] = [];
  readable.forEach(({ path }, i) => {
    const plan = parsed[i];
    // An unparseable file cannot be sniffed: report it only when the globs say it is a plan.
    if (!(plan.isPlan || (plan.unparseable && matchingSet.has(path)))) return;
    plans.push({ path, plan, findings: lintPlan(plan, config), changed: changedSet.has(path) });
  });
  return { plans, unreadable };
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
