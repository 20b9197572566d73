// Success criteria of one phase: checkboxes under criteria headings or bold labels, split
// into automated / manual / other by the innermost criteria heading or label around them.
import type { HeadingInfo } from "./headings.js";
import type { Label } from "./labels.js";
import type { LineIndex } from "./positions.js";
import { normalizeHeading } from "./sections.js";
import type { Checkbox, Criteria } from "./types.js";
import { lowerBound, within } from "./ranges.js";

export type CriteriaKind = "automated" | "manual" | "other";

/** "Automated Verification" → automated, "Manual testing" → manual, "Success Criteria" → other; gates and others → null. */
export function criteriaKindOf(label: string): CriteriaKind | null {
  const n = normalizeHeading(label);
  if (/\bgate\b/.test(n)) return null;
  if (/\b(automated|automatic|automation)\b/.test(n)) return "automated";
  if (/\bmanual(ly)?\b/.test(n)) return "manual";
  if (/\b(criteria|criterion|verification|definition of done|done when|checks)\b/.test(n)) return "other";
  return null;
}

export interface Scope {
  start: number;
  end: number;
  depth: number;
}

interface Region {
  kind: CriteriaKind;
  start: number;
  end: number;
  markerEnd: number;
}

export function buildCriteria(
  scope: Scope,
  index: LineIndex,
  headings: readonly HeadingInfo[],
  labels: readonly Label[],
  boxes: readonly Checkbox[],
): Criteria {
  const regions: Region[] = [];
  for (const h of within(headings, scope.start, scope.end, (x) => x.start)) {
    if (h.start === scope.start || h.depth <= scope.depth) continue;
    const kind = criteriaKindOf(h.text);
    if (kind) regions.push({ kind, start: h.start, end: Math.min(h.sectionEnd, scope.end), markerEnd: h.end });
  }
  const scoped = within(labels, scope.start, scope.end, (l) => l.lineStart);
  const nextBlockLabel: (Label | undefined)[] = [];
  for (let i = scoped.length - 1, next: Label | undefined; i >= 0; i--) {
    nextBlockLabel[i] = next;
    if (scoped[i].item === null) next = scoped[i];
  }
  scoped.forEach((l, i) => {
    const kind = criteriaKindOf(l.label);
    if (!kind) return;
    let end: number;
    if (l.item) end = l.item.end;
    else {
      // a label that heads no list item runs to the next such label, heading or its container's end
      end = Math.min(scope.end, l.paragraph.parent?.type === "listItem" ? (l.paragraph.parent.position?.end.offset ?? scope.end) : scope.end);
      const nextLabel = nextBlockLabel[i];
      if (nextLabel) end = Math.min(end, nextLabel.lineStart);
      const nextHeading = headings[lowerBound(headings, l.lineStart + 1, (h) => h.start)];
      if (nextHeading) end = Math.min(end, nextHeading.start);
    }
    regions.push({ kind, start: l.lineStart, end, markerEnd: l.lineEnd });
  });
  regions.sort((a, b) => a.start - b.start);
  const criteria: Criteria = { automated: [], manual: [], other: [], span: null };
  if (regions.length > 0) criteria.span = index.spanOf(regions[0].start, regions[0].markerEnd);
  for (const box of within(boxes, scope.start, scope.end, (b) => b.span.start.offset)) {
    const at = box.span.start.offset;
    let inner: Region | null = null;
    for (const r of regions) if (r.start <= at && at < r.end && (inner === null || r.start >= inner.start)) inner = r;
    if (inner) criteria[inner.kind].push(box);
  }
  return criteria;
}
