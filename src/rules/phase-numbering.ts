import type { Phase, PlanDocument } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { phaseName } from "./phase-name.js";

/** "02b" → 2, "3.1" → 3, "1A" → 1, "3+" → 3; null when the id does not start with a number. */
export function phaseNumber(id: string): number | null {
  const m = /^0*(\d+)/.exec(id.trim());
  return m ? Number(m[1]) : null;
}

/** Ids that name the same phase: "02B" = "2b", "1.10" ≠ "1.1". */
function idKey(id: string): string {
  return id.trim().toLowerCase().replace(/^0+(?=\d)/, "");
}

/** Start offset of the nearest heading above the phase with a lower level (-1: none). */
function parentOffset(plan: PlanDocument, phase: Phase): number {
  const at = phase.headingSpan.start.offset;
  let parent = -1;
  for (const section of plan.sections) {
    const start = section.headingSpan.start.offset;
    if (start >= at) break;
    if (section.depth < phase.depth && section.span.end.offset > at) parent = start;
  }
  return parent;
}

export const phaseNumbering: Rule = {
  id: "phase-numbering",
  defaultSeverity: "warning",
  description: "Phase ids are unique and numbered without gaps (sub-ids such as 1A/1B, 3.1/3.2 or 02b are not gaps).",
  check(plan) {
    const reports: RuleReport[] = [];
    // A summary outline, a timeline or an example often repeats the ids in another part of the
    // document; only the same id twice at the same heading level under the same parent heading
    // is a duplicate.
    // The parser keeps one phase per id in `phases` and the other headings with that id in
    // `duplicatePhases`; look at all of them in document order.
    const all = [...plan.phases, ...(plan.duplicatePhases ?? [])].sort((a, b) => a.headingSpan.start.offset - b.headingSpan.start.offset);
    const seen = new Map<string, Phase>();
    for (const phase of all) {
      if (phase.removed) continue;
      const key = `${parentOffset(plan, phase)}:${phase.depth}:${idKey(phase.id)}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, phase);
        continue;
      }
      reports.push({
        span: firstLineOf(plan, phase.headingSpan),
        severity: "error",
        message: `Unexpected second ${phaseName(phase)} (first on line ${first.headingSpan.start.line}), expected each phase id once: renumber this phase or merge the two`,
      });
    }
    // Removed phases still hold their number, so they fill gaps.
    const numbered = all
      .map((phase) => ({ phase, n: phaseNumber(phase.id) }))
      .filter((p): p is { phase: Phase; n: number } => p.n !== null);
    const present = new Set(numbered.map((p) => p.n));
    const sorted = [...present].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const [previous, current] = [sorted[i - 1], sorted[i]];
      if (current === previous + 1) continue;
      const at = numbered.find((p) => p.n === current && !p.phase.removed) ?? numbered.find((p) => p.n === current)!;
      const missing = current - previous === 2 ? `Phase ${previous + 1}` : `Phases ${previous + 1}–${current - 1}`;
      reports.push({
        span: firstLineOf(plan, at.phase.headingSpan),
        message: `Unexpected jump from Phase ${previous} to ${phaseName(at.phase)}, expected ${missing} in between: renumber the phases, or keep the missing one as \`## ~~Phase ${previous + 1}: …~~ (REMOVED)\``,
      });
    }
    return reports;
  },
};
