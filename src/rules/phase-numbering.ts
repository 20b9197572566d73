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

/** For each heading offset, the offset of the nearest heading above it with a lower level (-1: none). One pass. */
function parentOffsets(plan: PlanDocument): Map<number, number> {
  const parents = new Map<number, number>();
  const stack: { depth: number; offset: number }[] = [];
  const sections = [...plan.sections].sort((a, b) => a.headingSpan.start.offset - b.headingSpan.start.offset);
  for (const section of sections) {
    while (stack.length > 0 && stack[stack.length - 1].depth >= section.depth) stack.pop();
    const offset = section.headingSpan.start.offset;
    parents.set(offset, stack.length > 0 ? stack[stack.length - 1].offset : -1);
    stack.push({ depth: section.depth, offset });
  }
  return parents;
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
    const parents = parentOffsets(plan);
    const seen = new Map<string, Phase>();
    for (const phase of all) {
      if (phase.removed) continue;
      const key = `${parents.get(phase.headingSpan.start.offset) ?? -1}:${phase.depth}:${idKey(phase.id)}`;
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
    // The heading to report a gap on: the first live phase with that number (else a removed one).
    const firstWith = new Map<number, Phase>();
    for (const { phase, n } of numbered) {
      const known = firstWith.get(n);
      if (!known || (known.removed && !phase.removed)) firstWith.set(n, phase);
    }
    const sorted = [...firstWith.keys()].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      const [previous, current] = [sorted[i - 1], sorted[i]];
      if (current === previous + 1) continue;
      const at = firstWith.get(current)!;
      const missing = current - previous === 2 ? `Phase ${previous + 1}` : `Phases ${previous + 1}–${current - 1}`;
      reports.push({
        span: firstLineOf(plan, at.headingSpan),
        message: `Unexpected jump from Phase ${previous} to ${phaseName(at)}, expected ${missing} in between: renumber the phases, or keep the missing one as \`## ~~Phase ${previous + 1}: …~~ (REMOVED)\``,
      });
    }
    return reports;
  },
};
