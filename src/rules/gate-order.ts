import type { Checkbox, Phase } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { activePhases, phaseName, quote } from "./phase-name.js";

function tickedCriteria(phase: Phase): Checkbox[] {
  const { automated, manual, other } = phase.criteria;
  return [...automated, ...manual, ...other].filter((box) => box.checked).sort((a, b) => a.span.start.offset - b.span.start.offset);
}

export const gateOrder: Rule = {
  id: "gate-order",
  defaultSeverity: "warning",
  description:
    "Phases are done in order: a later phase has no ticked criteria or confirmed gate while an earlier phase's gate is unconfirmed.",
  check(plan) {
    const reports: RuleReport[] = [];
    // The first phase (in document order) whose gate exists and is not confirmed yet.
    let blocking: Phase | null = null;
    for (const phase of activePhases(plan)) {
      if (blocking) {
        const ticked = tickedCriteria(phase);
        const confirm = `confirm ${phaseName(blocking)} first (\`/plan phase-done ${blocking.id}\`)`;
        if (phase.gate?.confirmation) {
          reports.push({
            span: firstLineOf(plan, phase.gate.confirmation.span),
            message: `Unexpected confirmed gate in ${phaseName(phase)} while the gate of ${phaseName(blocking)} (line ${blocking.gate!.span.start.line}) is unconfirmed, expected phases confirmed in order: ${confirm} or remove this confirmation`,
          });
        } else if (ticked.length > 0) {
          const count = ticked.length === 1 ? "ticked criterion" : `${ticked.length} ticked criteria`;
          reports.push({
            span: firstLineOf(plan, ticked[0].span),
            message: `Unexpected ${count} in ${phaseName(phase)} (first: ${quote(ticked[0].text, 40)}) while the gate of ${phaseName(blocking)} (line ${blocking.gate!.span.start.line}) is unconfirmed, expected earlier phases confirmed first: ${confirm} or untick them`,
          });
        }
      }
      if (!blocking && phase.gate && !phase.gate.confirmation) blocking = phase;
    }
    return reports;
  },
};
