import type { Phase, PlanDocument, Section } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { activePhases, phaseName } from "./phase-name.js";
import { expectsOf, inconsistentPhases } from "./format-expects.js";

const EXAMPLE = "`**Success Criteria**:` with an `- **Automated**:` list of `- [ ] <command that proves it>` items";

function hasAnyCriteria(phase: Phase): boolean {
  const { automated, manual, other, span } = phase.criteria;
  return span !== null || automated.length + manual.length + other.length > 0;
}

/** A Success Criteria (or Acceptance/Exit Criteria) section outside every phase: criteria for the whole plan. */
function planLevelCriteria(plan: PlanDocument): Section | null {
  const phases = [...plan.phases, ...(plan.duplicatePhases ?? [])];
  const inPhase = (offset: number) => phases.some((phase) => offset >= phase.span.start.offset && offset < phase.span.end.offset);
  return plan.sections.find((section) => section.kind === "success-criteria" && !inPhase(section.headingSpan.start.offset)) ?? null;
}

function planWide(plan: PlanDocument, phases: Phase[]): RuleReport {
  const span = firstLineOf(plan, phases[0].headingSpan);
  const each = phases.length === 1 ? "" : ` to each phase (starting with ${phaseName(phases[0])})`;
  const subject = phases.length === 1 ? phaseName(phases[0]) : `${phases.length} phases`;
  const whole = phases.some(hasAnyCriteria) ? null : planLevelCriteria(plan);
  if (whole) {
    // The plan does say what done means, just not per phase: worth a note, not a warning.
    return {
      span: firstLineOf(plan, whole.headingSpan),
      severity: "notice",
      message: `Unexpected success criteria for the whole plan only, expected them per phase so each phase can be confirmed on its own: move each check under the phase it verifies, in a \`- **Automated**:\` or \`- **Manual**:\` list`,
    };
  }
  if (!phases.some(hasAnyCriteria)) {
    return { span, message: `Unexpected ${subject} without success criteria, expected each phase to list them: add ${EXAMPLE}${each}` };
  }
  if (phases.every((phase) => phase.criteria.other.length > 0 && phase.criteria.manual.length === 0)) {
    return {
      span,
      severity: "notice",
      message: `Unexpected success criteria not split into Automated and Manual in ${subject}, expected at least one Automated check per phase: group the items under \`- **Automated**:\` and \`- **Manual**:\``,
    };
  }
  return { span, message: `Unexpected ${subject} without an Automated success criterion, expected at least one per phase: add ${EXAMPLE}${each}` };
}

function anchor(plan: PlanDocument, phase: Phase) {
  return firstLineOf(plan, phase.criteria.span ?? phase.headingSpan);
}

export const successCriteria: Rule = {
  id: "success-criteria",
  defaultSeverity: "warning",
  description: "Every phase has success criteria with at least one Automated check, so done is something a machine can verify.",
  check(plan) {
    const phases = activePhases(plan);
    if (phases.length === 0) return [];
    const expects = expectsOf(plan);
    if (expects.criteria !== "required") return ownConvention(plan, phases, expects.criteria, expects.automated);
    // Per-phase findings only for plans that follow the convention somewhere (some phase has
    // Automated criteria); a plan that never does gets one finding, not one per phase.
    if (!phases.some((phase) => phase.criteria.automated.length > 0)) return [planWide(plan, phases)];
    const reports: RuleReport[] = [];
    for (const phase of phases) {
      const { automated, manual, other } = phase.criteria;
      if (!hasAnyCriteria(phase)) {
        reports.push({
          span: anchor(plan, phase),
          message: `Unexpected ${phaseName(phase)} without success criteria, expected them like the other phases: add ${EXAMPLE}`,
        });
      } else if (automated.length > 0) {
        continue;
      } else if (other.length > 0 && manual.length === 0) {
        reports.push({
          span: anchor(plan, phase),
          severity: "notice",
          message: `Unexpected success criteria in ${phaseName(phase)} that are not split into Automated and Manual, expected at least one Automated check: group them under \`- **Automated**:\` and \`- **Manual**:\``,
        });
      } else if (manual.length + other.length > 0) {
        reports.push({
          span: anchor(plan, phase),
          message: `Unexpected ${phaseName(phase)} with only manual success criteria, expected at least one Automated check: add \`- **Automated**:\` with a command such as \`- [ ] npm test passes\``,
        });
      } else {
        reports.push({
          span: anchor(plan, phase),
          message: `Unexpected success criteria without checkbox items in ${phaseName(phase)}, expected at least one Automated check: list them as ${EXAMPLE}`,
        });
      }
    }
    return reports;
  },
};

/**
 * Formats that have criteria without requiring them everywhere: only a phase lacking what most of
 * its siblings have is reported (criteria at all, then Automated ones where the format splits them).
 */
function ownConvention(plan: PlanDocument, phases: Phase[], criteria: "consistent" | "none", automated: "required" | "consistent" | "none"): RuleReport[] {
  if (criteria === "none") return [];
  const reports: RuleReport[] = [];
  const lacking = inconsistentPhases(phases, hasAnyCriteria);
  for (const phase of lacking) {
    reports.push({
      span: anchor(plan, phase),
      message: `Unexpected ${phaseName(phase)} without success criteria, expected them like the other phases of this plan: add the checks that prove this phase is done, written the way the other phases write theirs`,
    });
  }
  if (automated === "none") return reports;
  const withCriteria = phases.filter((p) => hasAnyCriteria(p) && !lacking.includes(p));
  for (const phase of inconsistentPhases(withCriteria, (p) => p.criteria.automated.length > 0)) {
    reports.push({
      span: anchor(plan, phase),
      message: `Unexpected ${phaseName(phase)} without an Automated check, expected one like the other phases of this plan: add the command that proves it under the phase's automated verification`,
    });
  }
  return reports;
}
