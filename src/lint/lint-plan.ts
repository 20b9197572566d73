import type { Config } from "../config/schema.js";
import type { PlanDocument } from "../plan/types.js";
import type { Finding, Rule, RuleContext } from "../rules/types.js";
import { rules as allRules } from "../rules/index.js";
import { configuredSeverity } from "../rules/rule-setting.js";
import { toFinding } from "./to-finding.js";

/**
 * Runs every enabled rule on a parsed plan. A severity set in the config applies to all of a
 * rule's findings (it replaces the status-dependent severities a rule may choose); `off` skips it.
 * Non-plans get no findings; an unparseable file gets only `plan-unparseable`.
 * A rule that throws becomes one `internal-error` notice instead of breaking the whole check.
 */
export function lintPlan(plan: PlanDocument, config: Config, rules: readonly Rule[] = allRules, facts: Omit<RuleContext, "config"> = {}): Finding[] {
  if (!plan.unparseable && !plan.isPlan) return [];
  const findings: Finding[] = [];
  for (const rule of rules) {
    if (plan.unparseable && rule.id !== "plan-unparseable") continue;
    const configured = configuredSeverity(config, rule.id);
    if (configured === "off") continue;
    try {
      for (const report of rule.check(plan, { ...facts, config })) {
        findings.push(toFinding(plan, rule.id, configured ?? report.severity ?? rule.defaultSeverity, report.span, report.message));
      }
    } catch (error) {
      findings.push(internalError(plan, rule.id, error));
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

function internalError(plan: PlanDocument, id: string, error: unknown): Finding {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const start = { line: 1, column: 1, offset: plan.bom ? 1 : 0 };
  return toFinding(
    plan,
    "internal-error",
    "notice",
    { start, end: start },
    `Unexpected crash of rule \`${id}\` on this file (${reason.slice(0, 200)}), expected it to check the plan: its findings are missing here; please report this with the file to the plan-hygiene maintainers`,
  );
}
