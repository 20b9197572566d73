// Is this markdown file an implementation plan at all?
//
// | evidence                                                   | isPlan |
// |------------------------------------------------------------|--------|
// | ≥ 1 phase heading that is not removed                       | yes    |
// | ≥ 2 different SIGNATURE sections (below)                     | yes    |
// | anything else (README, ADR, research notes, design doc)      | no     |
//
// Signature sections are the ones a plan has and look-alikes rarely do. "Overview", "Summary",
// "Background"/"Context" (current-state), "Goals", "References" and "Key Discoveries" are NOT
// signatures: READMEs, ADRs and research notes have them too. A design doc with "Out of Scope"
// plus "Success Criteria", or a plan-shaped doc without phases ("Implementation Phases" +
// "Open Questions"), is a plan.
import type { Phase, Section, SectionKind } from "./types.js";

export const PLAN_SIGNATURE_SECTIONS: readonly SectionKind[] = [
  "not-doing",
  "desired-end-state",
  "implementation-approach",
  "implementation-phases",
  "success-criteria",
  "testing-strategy",
  "rollout",
  "open-questions",
  "change-log",
];

export function decideIsPlan(phases: readonly Phase[], sections: readonly Section[]): boolean {
  if (phases.some((p) => !p.removed)) return true;
  const kinds = new Set(sections.map((s) => s.kind).filter((k): k is SectionKind => k !== null && PLAN_SIGNATURE_SECTIONS.includes(k)));
  return kinds.size >= 2;
}
