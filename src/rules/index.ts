import type { Rule, RuleInfo } from "./types.js";
import { changeLog } from "./change-log.js";
import { confirmationGate } from "./confirmation-gate.js";
import { gateOrder } from "./gate-order.js";
import { openQuestions } from "./open-questions.js";
import { phaseNumbering } from "./phase-numbering.js";
import { planUnparseable } from "./plan-unparseable.js";
import { requiredSections } from "./required-sections.js";
import { staleConfirmation } from "./stale-confirmation.js";
import { status } from "./status.js";
import { doneWithoutChange } from "./done-without-change.js";
import { stalePlan } from "./stale-plan.js";
import { successCriteria } from "./success-criteria.js";
import { templatePlaceholders } from "./template-placeholders.js";
import { testFirst } from "./test-first.js";
import { tickedWithoutChange } from "./ticked-without-change.js";

/** Every rule, in the order findings on the same position are listed. Adding a rule = one line here. */
export const rules: readonly Rule[] = [
  planUnparseable,
  status,
  requiredSections,
  templatePlaceholders,
  openQuestions,
  phaseNumbering,
  successCriteria,
  confirmationGate,
  gateOrder,
  testFirst,
  changeLog,
  doneWithoutChange,
  stalePlan,
];

/** Rules that need facts about the repository (`RuleContext.repo` / `history`); silent without them. */
export const repositoryRules: readonly Rule[] = [doneWithoutChange, stalePlan];

/** Rules whose findings need the repository's history or the pull request, not only the plan text; the PR check reports them. */
export const historyRules: readonly RuleInfo[] = [staleConfirmation, tickedWithoutChange];

/** Every rule id a user can configure in `rules:`, with its docs page. */
export const ruleCatalog: readonly RuleInfo[] = [...rules, ...historyRules];

export function findRule(id: string): Rule | undefined {
  return rules.find((rule) => rule.id === id);
}
