import type { Config } from "../config/schema.js";
import type { PlanDocument } from "../plan/types.js";
import type { Finding } from "../rules/types.js";
import { parsePlan } from "../plan/parse.js";
import { lintPlan } from "./lint-plan.js";

/** Parse (within `plans.maxFileSize`) and lint one file's text. */
export function lintText(text: string, path: string, config: Config): { plan: PlanDocument; findings: Finding[] } {
  const plan = parsePlan(text, path, { maxFileSize: config.plans.maxFileSize });
  return { plan, findings: lintPlan(plan, config) };
}
