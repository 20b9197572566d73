import { configSchema, type Config } from "./schema.js";
import type { ConfigError } from "./config-error.js";
import { describeIssues, type PathedProblem } from "./describe-issues.js";
import { keyPath } from "./key-path.js";
import { didYouMean } from "./did-you-mean.js";
import { ruleCatalog } from "../rules/index.js";

export interface Validated {
  config: Config;
  problems: PathedProblem[];
}

/**
 * Validates a parsed configuration. On errors the config is the defaults merged with every
 * valid part: each offending value (a whole list when one item is bad) or unknown key is
 * dropped and the rest is parsed again, so one typo does not silently undo the other settings.
 */
export function validateConfigValue(raw: unknown): Validated {
  const input = withoutExtends(raw);
  const first = configSchema.safeParse(input ?? {});
  const unknownRules = unknownRuleIds(input);
  if (first.success) return { config: first.data, problems: unknownRules };
  const problems = [...describeIssues(first.error.issues, input), ...unknownRules];
  let salvaged: unknown = isMapping(input) ? structuredClone(input) : {};
  let issues = first.error.issues;
  for (let attempt = 0; attempt < 5; attempt++) {
    for (const problem of describeIssues(issues, salvaged)) salvaged = without(salvaged, problem);
    const retry = configSchema.safeParse(salvaged);
    if (retry.success) return { config: retry.data, problems };
    issues = retry.error.issues;
  }
  return { config: configSchema.parse({}), problems };
}

/** Validates an already-parsed object (e.g. Probot's merged `context.config`); errors carry no line. */
export function validateConfigObject(input: unknown): { config: Config; errors: ConfigError[] } {
  const { config, problems } = validateConfigValue(input);
  return { config, errors: problems.map((p) => ({ key: keyPath(p.path), line: null, message: p.message })) };
}

/**
 * Probot's `_extends: other-repo` (inherit another repository's file) is resolved by the app
 * before validation; where it reaches us unresolved (the CLI reading the file), it is not an error.
 */
function withoutExtends(input: unknown): unknown {
  if (!isMapping(input) || !("_extends" in input)) return input;
  const { _extends: _ignored, ...rest } = input;
  return rest;
}

/** `rules:` keys that name no rule (a typo there would silently leave the rule at its default). */
function unknownRuleIds(input: unknown): PathedProblem[] {
  const configured = isMapping(input) && isMapping(input.rules) ? Object.keys(input.rules) : [];
  const ids = ruleCatalog.map((rule) => rule.id);
  return configured
    .filter((id) => !ids.includes(id))
    .map((id) => {
      const suggestion = didYouMean(id, ids);
      const hint = suggestion ? `did you mean \`${suggestion}\`?` : `known rules: ${ids.map((known) => `\`${known}\``).join(", ")}`;
      return { path: ["rules", id], unknownKey: true, message: `unknown rule \`${id}\` in \`rules\` (${hint})` };
    });
}

function without(root: unknown, problem: PathedProblem): unknown {
  const firstIndex = problem.path.findIndex((segment) => typeof segment === "number");
  const path = firstIndex >= 0 ? problem.path.slice(0, firstIndex) : problem.path;
  if (path.length === 0) return {};
  let parent: unknown = root;
  for (const segment of path.slice(0, -1)) {
    if (!isMapping(parent)) return root;
    parent = parent[segment as string];
  }
  if (isMapping(parent)) delete parent[path[path.length - 1] as string];
  return root;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
