import { createLineIndex, type LineIndex } from "../plan/positions.js";
import type { PlanDocument, Position, Span } from "../plan/types.js";

// Turns offsets into the Position/Span shape of the plan model, for rules that find things
// in plan.text themselves (placeholders, spans the parser does not model).

const cache = new WeakMap<PlanDocument, LineIndex>();

function lineIndex(plan: PlanDocument): LineIndex {
  let index = cache.get(plan);
  if (!index) {
    index = createLineIndex(plan.text);
    cache.set(plan, index);
  }
  return index;
}

export function positionAt(plan: PlanDocument, offset: number): Position {
  return lineIndex(plan).positionAt(offset);
}

export function spanAt(plan: PlanDocument, start: number, end: number): Span {
  return { start: positionAt(plan, start), end: positionAt(plan, end) };
}

/** The offsets [start, end) of a 1-based line, without its line ending. */
export function lineRange(plan: PlanDocument, line: number): { start: number; end: number } {
  const { starts } = lineIndex(plan);
  const start = starts[line - 1] ?? plan.text.length;
  let end = line < starts.length ? starts[line] : plan.text.length;
  while (end > start && (plan.text[end - 1] === "\n" || plan.text[end - 1] === "\r")) end--;
  return { start, end };
}

/** A span covering the first line of `span` only, without its line ending: findings point at one line. */
export function firstLineOf(plan: PlanDocument, span: Span): Span {
  const { end } = lineRange(plan, span.start.line);
  return spanAt(plan, span.start.offset, Math.max(span.start.offset, Math.min(end, span.end.offset)));
}

/** Where a whole-document finding goes: the title, else the first line. */
export function documentAnchor(plan: PlanDocument): Span {
  if (plan.title) return firstLineOf(plan, plan.title.span);
  const { start, end } = lineRange(plan, 1);
  return spanAt(plan, plan.bom && start === 0 ? 1 : start, end);
}
