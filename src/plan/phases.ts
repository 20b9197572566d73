// Phase headings → Phase[]: candidates, their spans, and the choice among repeated ids.
import type { HeadingInfo } from "./headings.js";
import { matchPhaseHeading, type PhaseHeadingMatch } from "./phase-heading.js";

export interface PhaseCandidate extends PhaseHeadingMatch {
  heading: HeadingInfo;
  /** heading start to the next heading of the same or a higher level, or the next phase heading */
  end: number;
}

/** Canonical form of a phase id for comparisons: lower case, no zero padding ("02B" → "2b"). */
export function phaseIdKey(id: string): string {
  return id
    .toLowerCase()
    .split(".")
    .map((part) => part.replace(/^0+(?=\d)/, ""))
    .join(".");
}

export function findPhaseCandidates(headings: readonly HeadingInfo[]): PhaseCandidate[] {
  const matched: { heading: HeadingInfo; match: PhaseHeadingMatch }[] = [];
  for (const heading of headings) {
    const match = matchPhaseHeading(heading.node);
    if (match) matched.push({ heading, match });
  }
  // An H1 that reads "Phase 8A …" is the document's title (a one-phase spec or research doc),
  // unless the document uses several H1 phase headings as its phase list.
  const h1 = matched.filter((m) => m.heading.depth === 1);
  const kept = h1.length >= 2 ? matched : matched.filter((m) => m.heading.depth > 1);
  return kept.map(({ heading, match }, i) => {
    const next = kept[i + 1];
    const end = next ? Math.min(heading.sectionEnd, next.heading.start) : heading.sectionEnd;
    return { ...match, heading, end };
  });
}

/**
 * When the same id heads several phase headings (a summary list then the detailed sections,
 * a "parallel example" repeating ids, two phase sets in one document), the phase with that id
 * is the one with the LARGEST span — the detailed section; the others are returned as
 * duplicates (in document order) so a numbering rule can still see them. A removed phase never
 * beats a live one with the same id.
 */
export function choosePhases(candidates: readonly PhaseCandidate[]): { phases: PhaseCandidate[]; duplicates: PhaseCandidate[] } {
  const best = new Map<string, PhaseCandidate>();
  for (const c of candidates) {
    const key = phaseIdKey(c.id);
    const prev = best.get(key);
    if (prev === undefined || better(c, prev)) best.set(key, c);
  }
  const chosen = new Set(best.values());
  return {
    phases: candidates.filter((c) => chosen.has(c)),
    duplicates: candidates.filter((c) => !chosen.has(c)),
  };
}

function better(a: PhaseCandidate, b: PhaseCandidate): boolean {
  if (a.removed !== b.removed) return !a.removed;
  return a.end - a.heading.start > b.end - b.heading.start;
}
