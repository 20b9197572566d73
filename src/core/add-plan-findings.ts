import type { PlanResult } from "../report/check-report.js";
import type { Finding } from "../rules/types.js";

/** Adds findings the PR check computed beside the lint (history, repository, pull request) to a plan, kept in position order. */
export function addPlanFindings(plan: PlanResult, found: readonly Finding[]): void {
  if (found.length === 0) return;
  plan.findings.push(...found);
  plan.findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
