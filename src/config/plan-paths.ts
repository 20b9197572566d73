import picomatch from "picomatch";
import type { Config } from "./schema.js";

type Matcher = (path: string) => boolean;

const matchers = new WeakMap<Config["plans"], Matcher>();

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
    // dot: plans under `.github/` or `.plans/` count; globs are case-sensitive as written.
    const options = { dot: true, nocase: false };
    const include = picomatch(config.plans.include, options);
    const exclude = config.plans.exclude.length > 0 ? picomatch(config.plans.exclude, options) : () => false;
    matcher = (path: string) => {
      const normalized = normalizePlanPath(path);
      return normalized !== "" && include(normalized) && !exclude(normalized);
    };
    matchers.set(config.plans, matcher);
  }
  return matcher;
}
