import type { Checkbox, HeaderField, PlanDocument } from "../plan/types.js";
import { isStatusField } from "../plan/fields.js";
import type { Rule, RuleReport } from "./types.js";
import { documentAnchor, firstLineOf, spanAt } from "./locate.js";
import { formatById } from "../formats/index.js";
import { normalizePlanPath } from "../config/plan-paths.js";
import { maskNonProse } from "./prose-mask.js";
import { phaseMarkOf } from "../plan/phase-mark.js";
import { activePhases, phaseName, quote, visibleText } from "./phase-name.js";
import { expectsOf, workBoxes } from "./format-expects.js";
import { isStatusOptionList, normalizeStatus, STATUS_LABELS, STATUS_RANK, statusesMentioned, type PlanStatus } from "./status-value.js";

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
      if (!expectsOf(plan).status) return [...impliedStatus(plan), ...markedPhases(plan), ...clarificationsClaimed(plan), ...doneClaims(plan)];
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
      if (mentioned.length !== 1) return [...markedPhases(plan), ...clarificationsClaimed(plan), ...doneClaims(plan)];
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
    return [...secondStatus(plan, field, value), ...contradictions(plan, value, written, span), ...markedPhases(plan), ...clarificationsClaimed(plan), ...doneClaims(plan)];
  },
};

// A work item's own heading: `### TEST-01: Setup ✅`, `### Task 2.3 ✅`, `#### T012 …`
const WORK_ITEM = /^[^\p{L}\p{N}]*(?:[A-Z][A-Z0-9]*-\d+|task\s+\d+(?:\.\d+)*|T\d{3,})\b/u;

/** A phase (or a work item's heading) that says it is done (`✅`, `— COMPLETE`) while its own boxes are unticked. */
function markedPhases(plan: PlanDocument): RuleReport[] {
  const reports: RuleReport[] = [];
  const phaseStarts = new Set(plan.phases.map((p) => p.headingSpan.start.offset));
  for (const section of plan.sections) {
    if (phaseStarts.has(section.headingSpan.start.offset) || !WORK_ITEM.test(section.heading) || phaseMarkOf(section.heading) !== "done") continue;
    const boxes = plan.checkboxes.filter((b) => b.span.start.offset >= section.span.start.offset && b.span.start.offset < section.span.end.offset);
    const unticked = boxes.filter((b) => !b.checked);
    if (unticked.length === 0) continue;
    reports.push({
      span: firstLineOf(plan, section.headingSpan),
      message: `Unexpected ${quote(section.heading, 40)} marked done in its heading with ${unticked.length} of ${boxes.length} ${boxes.length === 1 ? "item" : "items"} unticked (first: line ${unticked[0].span.start.line}, ${quote(unticked[0].text, 40)}), expected every item of a done task ticked: tick what was done, or take the done marker off the heading`,
    });
  }
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

/** Another Status field (frontmatter and body, or two in the body) that means something else. */
function secondStatus(plan: PlanDocument, field: HeaderField, value: PlanStatus): RuleReport[] {
  for (const other of plan.fields) {
    if (other === field || !isStatusField(other)) continue;
    const written = visibleText(other.value);
    const meaning = normalizeStatus(written) ?? (statusesMentioned(written).length === 1 ? statusesMentioned(written)[0] : null);
    if (meaning === null || meaning === value) continue;
    return [
      {
        span: firstLineOf(plan, other.span),
        message: `Unexpected second status ${quote(written)} (${STATUS_LABELS[meaning]}) while line ${field.span.start.line} says ${quote(visibleText(field.value))} (${STATUS_LABELS[value]}), expected one status for the plan: keep the one that is true and delete the other`,
      },
    ];
  }
  return [];
}

// A summary line that says tasks are done: `- ✅ Unarmed deselection (Tasks 8.3-8.5)`, `✅ Task 4 complete`
const CLAIM = /^[ \t]*(?:[-*+][ \t]+)?(?:✅|✔️?|☑️?)[^\n]*?\btasks?[ \t]+(\d+(?:\.\d+)*)(?:[ \t]*(?:[-–]|to)[ \t]*(\d+(?:\.\d+)*))?/gimu;
const BOX_ID = /^[^\p{L}\p{N}]*T?(\d+(?:\.\d+)*)\b/u;

/** Task ids a claim names: "8.3"-"8.5" → 8.3, 8.4, 8.5 (a range over the last number). */
function claimedIds(from: string, to: string | undefined): string[] {
  if (!to) return [from];
  const a = from.split(".");
  const b = to.split(".");
  if (a.length !== b.length || a.slice(0, -1).join(".") !== b.slice(0, -1).join(".")) return [from, to];
  const start = Number(a[a.length - 1]);
  const end = Number(b[b.length - 1]);
  if (!(end >= start) || end - start > 50) return [from, to];
  const prefix = a.slice(0, -1).join(".");
  return Array.from({ length: end - start + 1 }, (_, i) => (prefix ? `${prefix}.${start + i}` : String(start + i)));
}

/** A line ticked off with ✅ that names tasks whose own boxes are unticked. */
function doneClaims(plan: PlanDocument): RuleReport[] {
  const boxes = new Map<string, Checkbox>();
  for (const box of plan.checkboxes) {
    const id = BOX_ID.exec(box.text)?.[1];
    if (id && !boxes.has(id)) boxes.set(id, box);
  }
  if (boxes.size === 0) return [];
  const reports: RuleReport[] = [];
  for (const m of maskNonProse(plan.text).masked.matchAll(CLAIM)) {
    const open = claimedIds(m[1], m[2]).map((id) => boxes.get(id)).filter((b): b is Checkbox => b !== undefined && !b.checked);
    if (open.length === 0) continue;
    const start = m.index + m[0].length - m[0].trimStart().length;
    const line = spanAt(plan, start, start + 1);
    reports.push({
      span: firstLineOf(plan, line),
      message: `Unexpected ✅ on a line that names ${open.length === 1 ? "a task" : "tasks"} still unticked (${open.map((b) => `line ${b.span.start.line}`).join(", ")}: ${quote(open[0].text, 40)}), expected a done claim to match the task list: tick the ${open.length === 1 ? "task" : "tasks"} if done, or take the ✅ off`,
    });
  }
  return reports;
}
