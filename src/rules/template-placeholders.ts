import type { PlanDocument } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { findPlaceholders, type Placeholder } from "./find-placeholders.js";
import { spanAt } from "./locate.js";
import { severityByStatus } from "./plan-status.js";
import { quote, visibleText } from "./phase-name.js";
import { isRuleOff } from "./rule-setting.js";
import { isTemplateGateText } from "./confirmation-gate.js";
import { isStatusOptionList } from "./status-value.js";
import { formatById } from "../formats/index.js";

const EXPECTED: Record<Placeholder["kind"], string> = {
  prompt: "the plan's own text: replace the bracketed prompt with it, or delete the line if it does not apply",
  date: "a real date: write it as `2025-01-31`",
  path: "a real path in this repository: replace it, or delete the entry",
  ticket: "a real ticket id: replace it, or delete the reference",
  "status-options": "one status: keep the one that applies, e.g. `**Status:** Draft`",
};

/** Ranges another rule already reports, unless that rule is switched off: one problem, one finding. */
function reportedElsewhere(plan: PlanDocument, config: Parameters<Rule["check"]>[1]["config"]): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  if (!isRuleOff(config, "confirmation-gate")) {
    for (const phase of plan.phases) {
      const gate = phase.gate;
      if (!phase.removed && gate?.textSpan && !gate.confirmation && isTemplateGateText(gate.text))
        ranges.push({ start: gate.textSpan.start.offset, end: gate.textSpan.end.offset });
    }
  }
  if (!isRuleOff(config, "status") && plan.status && isStatusOptionList(visibleText(plan.status.value)))
    ranges.push({ start: plan.status.valueSpan.start.offset, end: plan.status.valueSpan.end.offset });
  return ranges;
}

export const templatePlaceholders: Rule = {
  id: "template-placeholders",
  defaultSeverity: "warning",
  description:
    "No unfilled template text (`[Brief Description]`, `YYYY-MM-DD`, `/path/to/file.ext`, `TICKET-123`, …): a warning in a draft, an error once Approved.",
  check(plan, ctx) {
    const severity = severityByStatus(plan);
    const skip = reportedElsewhere(plan, ctx.config);
    const format = formatById(plan.format.id);
    const found = findPlaceholders(plan.text, format.templateToken).filter((p) => !skip.some((r) => p.start >= r.start && p.end <= r.end));
    if (format.id !== "template" && found.length > 3) {
      // A plan left as its format's template is one problem, not one per prompt.
      const lines = [...new Set(found.map((p) => spanAt(plan, p.start, p.end).start.line))];
      const shown = lines.length > 6 ? `${lines.slice(0, 6).join(", ")}, …` : lines.join(", ");
      return [
        {
          span: spanAt(plan, found[0].start, found[0].end),
          severity,
          message: `Unexpected ${found.length} template placeholders (first ${quote(found[0].text)}; lines ${shown}), expected the plan's own text: fill in or delete what the ${format.name} template left for the author`,
        },
      ];
    }
    return found
      .map((p): RuleReport => ({
        span: spanAt(plan, p.start, p.end),
        severity,
        message: `Unexpected template placeholder ${quote(p.text)}, expected ${EXPECTED[p.kind]}`,
      }));
  },
};
