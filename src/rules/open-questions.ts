import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { planStatus, severityByStatus } from "./plan-status.js";
import { quote } from "./phase-name.js";
import { STATUS_LABELS } from "./status-value.js";
import { expectsOf, workStarted } from "./format-expects.js";
import { activePhases } from "./phase-name.js";

const HOW_TO_FIX =
  "resolve it as `- [ ] ~~Question~~ - **Resolved**: answer` (or tick it, or strike it through) or remove it";

export const openQuestions: Rule = {
  id: "open-questions",
  defaultSeverity: "warning",
  description:
    "Open questions must be resolved before implementation: an error once Status is Approved, In Progress or Completed, a warning before.",
  check(plan) {
    const unresolved = plan.openQuestions?.items.filter((item) => !item.resolved) ?? [];
    if (unresolved.length === 0) return [];
    const status = planStatus(plan);
    const severity = severityByStatus(plan);
    // Questions are what a draft is for: formats other than the template are asked about them
    // only once the plan says it is approved, or work on it is ticked off.
    const started = workStarted(plan, activePhases(plan));
    if (severity !== "error" && !started && !expectsOf(plan).questionsBeforeWork) return [];
    const expected =
      severity === "error" && status
        ? `expected none once Status is \`${STATUS_LABELS[status]}\``
        : started && !expectsOf(plan).questionsBeforeWork
          ? "expected none once work on the plan is ticked off"
          : "expected none before Status `Approved`";
    return unresolved.map((item, i): RuleReport => ({
      span: firstLineOf(plan, item.span),
      severity,
      message: `Unexpected unresolved open question ${quote(item.text)}${
        unresolved.length > 1 ? ` (${i + 1} of ${unresolved.length})` : ""
      }, ${expected}: ${HOW_TO_FIX}`,
    }));
  },
};
