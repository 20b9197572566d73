import type { Phase, PlanDocument } from "../plan/types.js";
import { parsePlan } from "../plan/parse.js";
import { splice } from "../edit/splice.js";
import { reopenGate } from "../edit/reopen-gate.js";
import { loneCarriageReturnProblem } from "../edit/lone-carriage-return.js";

export type PhaseReopenDecision =
  | { kind: "not-confirmed"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "edit"; text: string; removed: number };

/** At most this many markers are removed from one gate (a plan edited by hand may carry several). */
const MAX_MARKERS = 5;

/**
 * `/plan phase-reopen`: removes the gate's confirmation marker paragraph(s) and nothing else —
 * criteria ticked when the phase was confirmed stay ticked (they were attested, and unticking
 * could undo a person's own edit). Pure; re-parses after each removal.
 */
export function decidePhaseReopen(plan: PlanDocument, phase: Phase): PhaseReopenDecision {
  if (phase.gate?.confirmation == null) {
    return { kind: "not-confirmed", message: `Phase \`${phase.id.replace(/`/g, "'")}\` of \`${plan.path}\` is not confirmed; nothing to reopen.` };
  }
  const lineBreaks = loneCarriageReturnProblem(plan.text, plan.path);
  if (lineBreaks !== null) return { kind: "refused", message: lineBreaks };
  let text = plan.text;
  let current: Phase | undefined = phase;
  let removed = 0;
  while (current?.gate?.confirmation && removed < MAX_MARKERS) {
    text = splice(text, [reopenGate(text, current.gate.confirmation)]);
    removed += 1;
    // read again as the same format (a configured one included)
    const again = parsePlan(text, plan.path, plan.format?.source === "config" ? { format: plan.format.id } : {});
    current = again.phases.find((p) => p.id === phase.id && p.headingSpan.start.offset === phase.headingSpan.start.offset);
  }
  return { kind: "edit", text, removed };
}
