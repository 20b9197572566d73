import picomatch from "picomatch";
import type { Config } from "./schema.js";

type Matcher = (path: string) => boolean;

const matchers = new WeakMap<Config["plans"], Matcher>();
const excluders = new WeakMap<Config["plans"], Matcher>();

// dot: plans under `.github/` or `.plans/` count; globs are case-sensitive as written.
const globOptions = { dot: true, nocase: false };

/** Repository-relative path with forward slashes and no leading `./` or `/`. */
export function normalizePlanPath(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "").replace(/^\/+/, "");
}

/** Whether `path` (relative to the repository root) may hold a plan: matches `plans.include` and not `plans.exclude`. */
export function isPlanPath(path: string, config: Config): boolean {
  return planPathMatcher(config)(path);
}

/** The compiled include-minus-exclude matcher for a configuration (cached per config). */
export function planPathMatcher(config: Config): Matcher {
  let matcher = matchers.get(config.plans);
  if (!matcher) {
    const include = picomatch(config.plans.include, globOptions);
    const excluded = exclusionMatcher(config);
    matcher = (path: string) => {
      const normalized = normalizePlanPath(path);
      return normalized !== "" && include(normalized) && !excluded(normalized);
    };
    matchers.set(config.plans, matcher);
  }
  return matcher;
}

/** Whether `path` matches `plans.exclude` (such files are never plans, even when a glob on the command line names them). */
export function isExcludedPath(path: string, config: Config): boolean {
  return exclusionMatcher(config)(normalizePlanPath(path));
}

function exclusionMatcher(config: Config): Matcher {
  let excluded = excluders.get(config.plans);
  if (!excluded) {
    excluded = config.plans.exclude.length > 0 ? picomatch(config.plans.exclude, globOptions) : () => false;
    excluders.set(config.plans, excluded);
  }
  return excluded;
}
