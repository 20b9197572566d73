import type { Phase, PlanDocument } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { activePhases, phaseName, quote, visibleText } from "./phase-name.js";
import { expectsOf, inconsistentPhases } from "./format-expects.js";

const EXAMPLE = "`**Confirmation Gate**: <what must be verified before the next phase>`";

/** Gate text that is still the template's prompt (`[What needs to be verified before moving to Phase 2]`) or a bare placeholder such as `TBD`. */
export function isTemplateGateText(text: string): boolean {
  const t = visibleText(text);
  return /^\[[^\]]*\]$/.test(t) || /what needs to be verified before moving to phase/i.test(t) || /^(tbd|todo|tba|n\/?a|\.\.\.|…|-+)\.?$/i.test(t);
}

export const confirmationGate: Rule = {
  id: "confirmation-gate",
  defaultSeverity: "error",
  description:
    "Every phase ends with a confirmation gate that says what must be verified before the next phase; an empty or template gate is an error, a missing one a warning.",
  check(plan) {
    const phases = activePhases(plan);
    if (phases.length === 0) return [];
    const withoutGate = phases.filter((phase) => phase.gate === null);
    const reports: RuleReport[] = [];
    const expects = expectsOf(plan).gates;
    if (expects !== "required") {
      // The format's gates are optional: only a phase lacking the gate most of its siblings have is
      // missing one; the last phase has no next phase to hold back.
      if (expects === "consistent") {
        const example = phases.find((p) => p.gate !== null)!;
        for (const phase of inconsistentPhases(phases.slice(0, -1), (p) => p.gate !== null)) {
          reports.push({
            span: firstLineOf(plan, phase.headingSpan),
            severity: "warning",
            message: `Unexpected ${phaseName(phase)} without a gate, expected one like the other phases of this plan (e.g. ${phaseName(example!)}, line ${example!.gate!.span.start.line}): add the same pause-and-confirm line at the end of this phase`,
          });
        }
      }
    } else if (withoutGate.length === phases.length) {
      // A plan that uses no gates at all gets one finding, not one per phase.
      const first = phases[0];
      reports.push({
        span: firstLineOf(plan, first.headingSpan),
        severity: "warning",
        message:
          phases.length === 1
            ? `Unexpected ${phaseName(first)} without a confirmation gate, expected one at the end of the phase: add ${EXAMPLE}`
            : `Unexpected ${phases.length} phases without a confirmation gate, expected one at the end of every phase: add ${EXAMPLE} to each (starting with ${phaseName(first)})`,
      });
    } else {
      for (const phase of withoutGate) reports.push(missing(plan, phase));
    }
    for (const phase of phases) {
      const gate = phase.gate;
      if (!gate || gate.confirmation) continue;
      const span = firstLineOf(plan, gate.textSpan ?? gate.span);
      if (visibleText(gate.text) === "") {
        reports.push({
          span,
          severity: "error",
          message: `Unexpected empty confirmation gate in ${phaseName(phase)}, expected what must be verified before moving on: write it after the label, e.g. ${EXAMPLE}`,
        });
      } else if (isTemplateGateText(gate.text)) {
        reports.push({
          span,
          severity: "error",
          message: `Unexpected template text ${quote(gate.text)} in the confirmation gate of ${phaseName(phase)}, expected what must be verified before moving on: replace it with the real check (who verifies what)`,
        });
      }
    }
    return reports;
  },
};

function missing(plan: PlanDocument, phase: Phase): RuleReport {
  return {
    span: firstLineOf(plan, phase.headingSpan),
    severity: "warning",
    message: `Unexpected ${phaseName(phase)} without a confirmation gate, expected one like the other phases: add ${EXAMPLE} at the end of the phase`,
  };
}
