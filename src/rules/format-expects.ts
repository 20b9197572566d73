import { formatById } from "../formats/index.js";
import type { FormatExpectations } from "../formats/types.js";
import type { Phase, PlanDocument } from "../plan/types.js";

/** What the plan's own format defines (the template's constructs it has, and how strictly). */
export function expectsOf(plan: PlanDocument): FormatExpectations {
  return formatById(plan.format?.id ?? "generic").expects;
}

/**
 * For a construct the format has but does not require in every phase: the phases that lack it
 * while most of their siblings have it (a plan with gates in 4 of 5 phases is missing one).
 * Nothing when fewer than two phases have it or when more than a third of them lack it.
 */
export function inconsistentPhases(phases: readonly Phase[], has: (phase: Phase) => boolean): Phase[] {
  // a Phase 0 is research or set-up by convention: it is not held to the other phases' shape
  const lacking = phases.filter((p) => !has(p) && !/^0+$/.test(p.id));
  const having = phases.length - lacking.length;
  return having >= 2 && having >= 2 * lacking.length ? lacking : [];
}

/** Every checkbox of the plan's phases (criteria and tasks), or every checkbox outside the open questions when it has no phases. */
export function workBoxes(plan: PlanDocument, phases: readonly Phase[]) {
  if (phases.length > 0 && phases.some((p) => (p.boxes?.length ?? 0) > 0)) return phases.flatMap((p) => p.boxes ?? []);
  const oq = plan.openQuestions?.section.span;
  return plan.checkboxes.filter((b) => !oq || b.span.start.offset < oq.start.offset || b.span.start.offset >= oq.end.offset);
}

/** Work has visibly started: a ticked box outside the open questions, or a confirmed gate. */
export function workStarted(plan: PlanDocument, phases: readonly Phase[]): boolean {
  return phases.some((p) => p.gate?.confirmation) || workBoxes(plan, phases).some((b) => b.checked);
}
