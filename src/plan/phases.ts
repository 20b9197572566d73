// Phase headings → Phase[]: candidates, their spans, and the choice among repeated ids.
import type { HeadingInfo } from "./headings.js";
import { matchPhaseHeading, type PhaseHeadingMatch } from "./phase-heading.js";

export interface PhaseCandidate extends PhaseHeadingMatch {
  heading: HeadingInfo;
  /** heading start to the next heading of the same or a higher level, or the next phase heading */
  end: number;
  /** start offset of the enclosing non-phase heading (-1 when none): phases are grouped by it */
  container: number;
}

/** Canonical form of a phase id for comparisons: lower case, no zero padding ("02B" → "2b"). */
export function phaseIdKey(id: string): string {
  return id
    .toLowerCase()
    .split(".")
    .map((part) => part.replace(/^0+(?=\d)/, ""))
    .join(".");
}

/** A format's own phase heading form (`### Task 3: …`, `## 2. …`), tried after `Phase N`. */
export type ExtraPhaseHeading = (text: string, depth: number) => { id: string; title: string; noun: string } | null;

export function findPhaseCandidates(headings: readonly HeadingInfo[], extra?: ExtraPhaseHeading): PhaseCandidate[] {
  const matched: { heading: HeadingInfo; match: PhaseHeadingMatch }[] = [];
  for (const heading of headings) {
    const own = extra?.(heading.text, heading.depth);
    const match = matchPhaseHeading(heading.node) ?? (own ? { ...own, removed: false } : null);
    if (match) matched.push({ heading, match });
  }
  dropMentions(matched);
  // An H1 that reads "Phase 8A …" is the document's title (a one-phase spec or research doc),
  // unless the document uses several H1 phase headings as its phase list.
  const h1 = matched.filter((m) => m.heading.depth === 1);
  const kept = h1.length >= 2 ? matched : matched.filter((m) => m.heading.depth > 1);
  const isPhase = new Set(kept.map((m) => m.heading));
  const containers = containerOf(headings, isPhase);
  return kept.map(({ heading, match }, i) => {
    const next = kept[i + 1];
    const end = next ? Math.min(heading.sectionEnd, next.heading.start) : heading.sectionEnd;
    return { ...match, heading, end, container: containers.get(heading) ?? -1 };
  });
}

/** For each heading, the start of the nearest enclosing heading that is not a phase (-1: none). */
function containerOf(headings: readonly HeadingInfo[], isPhase: ReadonlySet<HeadingInfo>): Map<HeadingInfo, number> {
  const out = new Map<HeadingInfo, number>();
  const open: HeadingInfo[] = [];
  for (const h of headings) {
    while (open.length > 0 && open[open.length - 1].depth >= h.depth) open.pop();
    const enclosing = [...open].reverse().find((o) => !isPhase.has(o));
    out.set(h, enclosing ? enclosing.start : -1);
    open.push(h);
  }
  return out;
}

/**
 * Repeated ids. Phase headings are grouped by their enclosing non-phase heading (a "Phase
 * Breakdown" summary, the detailed sections, a "Parallel Execution Example", a second phase
 * set). When no id occurs in two groups every candidate is a phase (a repeat inside one group
 * is a real numbering mistake the phase-numbering rule reports). Otherwise the group with the
 * largest total span — the detailed one — is kept, then every other group that shares no id
 * with what is kept (largest first); the rest are returned as duplicates (document order).
 */
export function choosePhases(candidates: readonly PhaseCandidate[]): { phases: PhaseCandidate[]; duplicates: PhaseCandidate[] } {
  const groups = new Map<number, PhaseCandidate[]>();
  for (const c of candidates) {
    const group = groups.get(c.container);
    if (group) group.push(c);
    else groups.set(c.container, [c]);
  }
  const ids = (g: readonly PhaseCandidate[]) => new Set(g.map((c) => phaseIdKey(c.id)));
  const owners = new Map<string, number>();
  for (const [key, g] of groups) for (const id of ids(g)) owners.set(id, (owners.get(id) ?? 0) + 1);
  if ([...owners.values()].every((n) => n === 1)) return { phases: [...candidates], duplicates: [] };
  const size = (g: readonly PhaseCandidate[]) => g.reduce((sum, c) => sum + (c.removed ? 0 : c.end - c.heading.start), 0);
  const ordered = [...groups.values()].sort((a, b) => size(b) - size(a));
  const taken = new Set<string>();
  const chosen = new Set<PhaseCandidate>();
  for (const g of ordered) {
    const gi = ids(g);
    if ([...gi].some((id) => taken.has(id))) continue;
    for (const id of gi) taken.add(id);
    for (const c of g) chosen.add(c);
  }
  return {
    phases: candidates.filter((c) => chosen.has(c)),
    duplicates: candidates.filter((c) => !chosen.has(c)),
  };
}

// Headings that name a phase only to say something about it: "### Phase 2 Verification",
// "#### Phase 3 검증" under a criteria section, "### Phase 1 Complete".
// Only without a separator: "Phase 5: Testing" is a phase named Testing.
const MENTION = /^[^\p{L}\p{N}]*(?:phase|阶段|階段)\s*[0-9][0-9A-Za-z.+]*\s+(?:verification|validation|testing|tests?|checklist|review|summary|results?|success criteria|acceptance(?: criteria)?|exit criteria|complete|completed|done|notes?|status|sign-?off|검증|테스트|验证|测试|検証|テスト)\s*$/iu;

/**
 * Drops, in place, phase headings that are mentions: a heading nested inside another phase
 * heading with the same id, or one whose title is only a verification word ("Phase 2
 * Verification") nested deeper than the plan's phase headings.
 */
function dropMentions(matched: { heading: HeadingInfo; match: PhaseHeadingMatch }[]): void {
  const top = Math.min(...matched.map((m) => m.heading.depth));
  for (let i = matched.length - 1; i >= 0; i--) {
    const { heading, match } = matched[i];
    const inside = matched.some((o) => o !== matched[i] && o.heading.depth < heading.depth && o.heading.start < heading.start && heading.start < o.heading.sectionEnd && phaseIdKey(o.match.id) === phaseIdKey(match.id));
    const wordOnly = heading.depth > top && MENTION.test(heading.text);
    if (inside || wordOnly) matched.splice(i, 1);
  }
}
