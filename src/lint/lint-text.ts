import type { Config } from "../config/schema.js";
import type { PlanDocument } from "../plan/types.js";
import type { Finding, RuleContext } from "../rules/types.js";
import { parsePlan } from "../plan/parse.js";
import { parsePlanAsync } from "../plan/parse-async.js";
import { lintPlan } from "./lint-plan.js";
import { parseOptionsFor } from "./parse-options.js";

/** Parse (within `plans.maxFileSize`) and lint one file's text. */
export function lintText(text: string, path: string, config: Config, facts: Omit<RuleContext, "config"> = {}): { plan: PlanDocument; findings: Finding[] } {
  const plan = parsePlan(text, path, parseOptionsFor(config, path));
  return { plan, findings: lintPlan(plan, config, undefined, facts) };
}

/** lintText with big files parsed in a worker under a time budget (parsePlanAsync). */
export async function lintTextAsync(
  text: string,
  path: string,
  config: Config,
  options: { timeoutMs?: number; facts?: Omit<RuleContext, "config"> } = {},
): Promise<{ plan: PlanDocument; findings: Finding[] }> {
  const plan = await parsePlanAsync(text, path, { ...parseOptionsFor(config, path), timeoutMs: options.timeoutMs });
  return { plan, findings: lintPlan(plan, config, undefined, options.facts) };
}
