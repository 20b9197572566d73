import type { PlanDocument } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { documentAnchor, firstLineOf, spanAt } from "./locate.js";
import { formatById } from "../formats/index.js";
import { normalizePlanPath } from "../config/plan-paths.js";
import { maskNonProse } from "./prose-mask.js";
import { activePhases, phaseName, quote, visibleText } from "./phase-name.js";
import { expectsOf, workBoxes } from "./format-expects.js";
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
      // Formats without a Status field (HumanLayer, spec-kit, GSD…) are not asked for one.
      if (!expectsOf(plan).status) return [...impliedStatus(plan), ...markedPhases(plan), ...clarificationsClaimed(plan)];
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
    let value = normalizeStatus(written);
    if (!value && !expectsOf(plan).status) {
      // Formats without the template's Status vocabulary: read a free-text status for what it
      // says ("Approved for Implementation" → Approved); one that names several, or none, is prose.
      const mentioned = statusesMentioned(written);
      if (mentioned.length !== 1) return [...markedPhases(plan), ...clarificationsClaimed(plan)];
      value = mentioned[0];
    }
    if (!value) {
      const mentioned = statusesMentioned(written);
      const hint =
        mentioned.length > 0
          ? `set it to \`${STATUS_LABELS[mentioned[mentioned.length - 1]]}\` if that is where the plan stands, and move the detail into the Overview or the Change Log`
          : "keep the Status to one value and move the detail into the Overview or the Change Log";
      return [{ span, message: `Unexpected Status ${quote(written)}, expected one of ${VALUES}: ${hint}` }];
    }
    return [...contradictions(plan, value, written, span), ...markedPhases(plan), ...clarificationsClaimed(plan)];
  },
};

/** A phase whose heading says it is done (`✅`, `— COMPLETE`) while its own boxes are unticked. */
function markedPhases(plan: PlanDocument): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const phase of activePhases(plan)) {
    if (phase.mark !== "done") continue;
    const unticked = (phase.boxes ?? []).filter((box) => !box.checked);
    if (unticked.length === 0) continue;
    const total = phase.boxes!.length;
    reports.push({
      span: firstLineOf(plan, phase.headingSpan),
      message: `Unexpected ${phaseName(phase)} marked done in its heading with ${unticked.length} of ${total} ${total === 1 ? "item" : "items"} unticked (first: line ${unticked[0].span.start.line}, ${quote(unticked[0].text, 40)}), expected every item of a done phase ticked: tick what was done, or take the done marker off the heading`,
    });
  }
  return reports;
}

function contradictions(plan: PlanDocument, value: NonNullable<ReturnType<typeof normalizeStatus>>, written: string, span: RuleReport["span"]): RuleReport[] {
  const phases = activePhases(plan);
  // Name the status as the file writes it (`implemented`), with its meaning when that differs.
  const label = STATUS_LABELS[value];
  const named = written === label ? `\`${label}\`` : `${quote(written)} (${label})`;
  const reports: RuleReport[] = [];
  const work = workBoxes(plan, phases);
  if (value === "completed") {
    const unticked = phases.flatMap((phase) =>
      [...phase.criteria.automated, ...phase.criteria.manual, ...phase.criteria.other]
        .filter((box) => !box.checked)
        .map((box) => ({ phase, box })),
    );
    const hasCriteria = phases.some((p) => p.criteria.automated.length + p.criteria.manual.length + p.criteria.other.length > 0);
    if (unticked.length > 0) {
      const first = unticked[0];
      reports.push({
        span,
        message: `Unexpected Status ${named} with ${unticked.length} unticked success ${unticked.length === 1 ? "criterion" : "criteria"} (first: ${phaseName(first.phase)}, line ${first.box.span.start.line}), expected every criterion ticked: tick what was verified, or set the Status back to \`In Progress\``,
      });
    } else if (!hasCriteria) {
      // Formats whose boxes are tasks (spec-kit, Kiro, OpenSpec): a completed plan has them all ticked.
      const open = work.filter((box) => !box.checked);
      if (open.length > 0) {
        reports.push({
          span,
          message: `Unexpected Status ${named} with ${open.length} unticked ${open.length === 1 ? "item" : "items"} (first: line ${open[0].span.start.line}, ${quote(open[0].text, 40)}), expected every item ticked: tick what was done, or set the Status back to \`In Progress\``,
        });
      }
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
    const ticked = work.filter((box) => box.checked);
    if (confirmed.length === 0 && ticked.length > 0 && STATUS_RANK[value] < STATUS_RANK.approved) {
      reports.push({
        span,
        message: `Unexpected Status ${named} with ${ticked.length} ticked ${ticked.length === 1 ? "item" : "items"} (first: line ${ticked[0].span.start.line}, ${quote(ticked[0].text, 40)}), expected \`In Progress\` once work is ticked off: set the Status to \`In Progress\`, or untick what is not done`,
      });
    }
    if (confirmed.length > 0) {
      reports.push({
        span,
        message: `Unexpected Status ${named} with ${confirmed.length} confirmed ${confirmed.length === 1 ? "gate" : "gates"} (first: ${phaseName(confirmed[0])}), expected \`In Progress\` once a phase is confirmed: set \`**Status:** In Progress\``,
      });
    }
  }
  return reports;
}

/** A status the plan's place implies (an archived OpenSpec change is done): its boxes must be ticked. */
function impliedStatus(plan: PlanDocument): RuleReport[] {
  const implied = formatById(plan.format.id).impliedStatus?.(normalizePlanPath(plan.path));
  if (!implied) return [];
  const open = workBoxes(plan, activePhases(plan)).filter((box) => !box.checked);
  if (open.length === 0) return [];
  return [
    {
      span: firstLineOf(plan, open[0].span),
      message: `Unexpected ${open.length} unticked ${open.length === 1 ? "item" : "items"} (first: ${quote(open[0].text, 40)}) in a plan that is done (${implied.because}), expected every item ticked: tick what was done, or say in the plan what was dropped`,
    },
  ];
}

/** spec-kit's Progress Tracking ticks "All NEEDS CLARIFICATION resolved" while the plan still has one. */
function clarificationsClaimed(plan: PlanDocument): RuleReport[] {
  if (plan.format.id !== "spec-kit") return [];
  const claim = plan.checkboxes.find((box) => box.checked && /needs clarification\b.*\bresolved|clarifications?\b.*\b(resolved|complete)/i.test(box.text));
  if (!claim) return [];
  const masked = maskNonProse(plan.text).masked;
  const claimStart = claim.span.start.offset;
  const claimEnd = plan.text.indexOf("\n", claimStart);
  for (const m of masked.matchAll(/NEEDS CLARIFICATION/g)) {
    if (m.index >= claimStart && (claimEnd < 0 || m.index < claimEnd)) continue;
    const left = spanAt(plan, m.index, m.index + m[0].length);
    return [
      {
        span: firstLineOf(plan, claim.span),
        message: `Unexpected ticked ${quote(claim.text, 50)} while line ${left.start.line} still says \`NEEDS CLARIFICATION\`, expected every clarification resolved before this box is ticked: resolve it (and write the answer), or untick the box`,
      },
    ];
  }
  return [];
}
