import type { Checkbox, GateConfirmation, Phase, PlanDocument } from "./types.js";

/** What one change (a pull request) newly claims about one phase. */
export interface NewClaim {
  /** the phase at the head */
  phase: Phase;
  /** boxes ticked at the head whose counterpart at the base was unticked, in document order */
  ticked: Checkbox[];
  /** the gate's confirmation when it was unconfirmed at the base */
  confirmed: GateConfirmation | null;
}

/**
 * The boxes a change ticked and the gates it confirmed, from two parses of one plan. A head
 * phase is matched to the base phase with the same id, else the same title (a renumbered
 * phase); a box to the base box with the same text in that phase, else the one at the same
 * place (a box reworded as it is ticked). Only transitions count: a plan, phase or box that is
 * new in the change states where things stand, it does not tick anything, so it claims nothing here.
 */
export function newClaims(base: PlanDocument, head: PlanDocument): NewClaim[] {
  const claims: NewClaim[] = [];
  const baseActive = base.phases.filter((p) => !p.removed);
  for (const phase of head.phases) {
    if (phase.removed) continue;
    const before = baseActive.find((p) => p.id === phase.id) ?? baseActive.find((p) => normalise(p.title) === normalise(phase.title) && p.title.trim() !== "");
    if (!before) continue;
    const ticked = newlyTicked(boxesOf(before), boxesOf(phase));
    const confirmed = phase.gate?.confirmation && before.gate && !before.gate.confirmation ? phase.gate.confirmation : null;
    if (ticked.length > 0 || confirmed) claims.push({ phase, ticked, confirmed });
  }
  return claims;
}

function newlyTicked(before: Checkbox[], after: Checkbox[]): Checkbox[] {
  const used = new Set<number>();
  // same-text boxes first, so a reworded box does not take another's place
  const matched = after.map((box) => {
    const i = before.findIndex((b, k) => !used.has(k) && normalise(b.text) === normalise(box.text));
    if (i >= 0) used.add(i);
    return i;
  });
  // then, when no box was added or dropped, the box at the same place
  const sameShape = before.length === after.length;
  return after.filter((box, i) => {
    let at = matched[i] as number;
    if (at < 0 && sameShape && !used.has(i)) at = i;
    return box.checked && at >= 0 && !(before[at] as Checkbox).checked;
  });
}

function boxesOf(phase: Phase): Checkbox[] {
  return phase.boxes ?? [...phase.criteria.automated, ...phase.criteria.manual, ...phase.criteria.other];
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}
