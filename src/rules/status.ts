import type { PlanDocument } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { documentAnchor, firstLineOf } from "./locate.js";
import { activePhases, phaseName, quote, visibleText } from "./phase-name.js";
import { isStatusOptionList, normalizeStatus, STATUS_LABELS, STATUS_RANK, statusesMentioned } from "./status-value.js";

const VALUES = Object.values(STATUS_LABELS).map((label) => `\`${label}\``).join(", ");

export const status: Rule = {
  id: "status",
  defaultSeverity: "warning",
  description:
    "The plan has a Status that is one of Draft, In Review, Approved, In Progress, Completed, and that its content does not contradict.",
  check(plan) {
    const field = plan.status;
    if (!field) {
      return [
        {
          span: documentAnchor(plan),
          message: `Unexpected plan without a Status, expected one of ${VALUES}: add \`**Status:** Draft\` under the title (or \`status: draft\` in the frontmatter)`,
        },
      ];
    }
    const written = visibleText(field.value);
    const span = firstLineOf(plan, field.valueSpan.end.offset > field.valueSpan.start.offset ? field.valueSpan : field.span);
    if (written === "") {
      return [{ span, message: `Unexpected empty Status, expected one of ${VALUES}: write the plan's status after the label` }];
    }
    if (isStatusOptionList(written)) {
      return [
        {
          span,
          message: `Unexpected Status ${quote(written)} (the template's list of options), expected one of them: keep the one that applies, e.g. \`**Status:** Draft\``,
        },
      ];
    }
    const value = normalizeStatus(written);
    if (!value) {
      const mentioned = statusesMentioned(written);
      const hint =
        mentioned.length > 0
          ? `set it to \`${STATUS_LABELS[mentioned[mentioned.length - 1]]}\` if that is where the plan stands, and move the detail into the Overview or the Change Log`
          : "keep the Status to one value and move the detail into the Overview or the Change Log";
      return [{ span, message: `Unexpected Status ${quote(written)}, expected one of ${VALUES}: ${hint}` }];
    }
    return contradictions(plan, value, written, span);
  },
};

function contradictions(plan: PlanDocument, value: NonNullable<ReturnType<typeof normalizeStatus>>, written: string, span: RuleReport["span"]): RuleReport[] {
  const phases = activePhases(plan);
  // Name the status as the file writes it (`implemented`), with its meaning when that differs.
  const label = STATUS_LABELS[value];
  const named = written === label ? `\`${label}\`` : `${quote(written)} (${label})`;
  const reports: RuleReport[] = [];
  if (value === "completed") {
    const unticked = phases.flatMap((phase) =>
      [...phase.criteria.automated, ...phase.criteria.manual, ...phase.criteria.other]
        .filter((box) => !box.checked)
        .map((box) => ({ phase, box })),
    );
    if (unticked.length > 0) {
      const first = unticked[0];
      reports.push({
        span,
        message: `Unexpected Status ${named} with ${unticked.length} unticked success ${unticked.length === 1 ? "criterion" : "criteria"} (first: ${phaseName(first.phase)}, line ${first.box.span.start.line}), expected every criterion ticked: tick what was verified, or set the Status back to \`In Progress\``,
      });
    }
    const unconfirmed = phases.filter((phase) => phase.gate && !phase.gate.confirmation);
    if (unconfirmed.length > 0) {
      reports.push({
        span,
        message: `Unexpected Status ${named} with ${unconfirmed.length} unconfirmed confirmation ${unconfirmed.length === 1 ? "gate" : "gates"} (first: ${phaseName(unconfirmed[0])}), expected every gate confirmed: run \`/plan phase-done ${unconfirmed[0].id}\` for each, or set the Status back to \`In Progress\``,
      });
    }
  }
  if (STATUS_RANK[value] < STATUS_RANK["in-progress"]) {
    const confirmed = phases.filter((phase) => phase.gate?.confirmation);
    if (confirmed.length > 0) {
      reports.push({
        span,
        message: `Unexpected Status ${named} with ${confirmed.length} confirmed ${confirmed.length === 1 ? "gate" : "gates"} (first: ${phaseName(confirmed[0])}), expected \`In Progress\` once a phase is confirmed: set \`**Status:** In Progress\``,
      });
    }
  }
  return reports;
}
