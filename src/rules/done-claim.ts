import type { Checkbox, Phase, PlanDocument } from "../plan/types.js";
import { normalizeStatus } from "./status-value.js";
import { visibleText } from "./phase-name.js";

/** Every task-list box inside a phase (criteria and tasks alike). */
export function phaseBoxes(plan: PlanDocument, phase: Phase): Checkbox[] {
  return plan.checkboxes.filter((b) => b.span.start.offset >= phase.span.start.offset && b.span.start.offset < phase.span.end.offset);
}

/**
 * Why a phase counts as done, in words for a message, or null: its gate is confirmed, every
 * box in it is ticked, or the plan's Status is Completed.
 */
export function doneClaim(plan: PlanDocument, phase: Phase): string | null {
  if (phase.removed) return null;
  if (phase.gate?.confirmation) return "its gate is confirmed";
  const boxes = phaseBoxes(plan, phase);
  if (boxes.length > 0 && boxes.every((b) => b.checked)) return `all ${boxes.length === 1 ? "its box is" : `${boxes.length} of its boxes are`} ticked`;
  if (plan.status && normalizeStatus(visibleText(plan.status.value)) === "completed") return "the plan's Status is Completed";
  return null;
}
