// Offsets → 1-based line/column for the ORIGINAL text. Line endings are "\n", "\r\n" and a lone
// "\r" (as in CommonMark); columns count UTF-16 code units and exclude a leading BOM on line 1.
import type { Position, Span } from "./types.js";

export interface LineIndex {
  readonly text: string;
  /** offset of the first character of each line (line n starts at starts[n - 1]) */
  readonly starts: readonly number[];
  positionAt(offset: number): Position;
  spanOf(start: number, end: number): Span;
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  const bom = text.charCodeAt(0) === 0xfeff;
  const positionAt = (raw: number): Position => {
    const offset = Math.max(0, Math.min(text.length, Math.trunc(raw)));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    let column = offset - starts[lo] + 1;
    if (lo === 0 && bom && offset > 0) column -= 1;
    return { line: lo + 1, column, offset };
  };
  return {
    text,
    starts,
    positionAt,
    spanOf: (start, end) => ({ start: positionAt(start), end: positionAt(end) }),
  };
}

let cached: LineIndex | null = null;

/** Position of `offset` in `text` (the line index of the last text asked about is cached). */
export function positionAt(text: string, offset: number): Position {
  if (cached === null || cached.text !== text) cached = createLineIndex(text);
  return cached.positionAt(offset);
}

/** The offset of a 1-based line/column in `text` (inverse of positionAt; clamps to the line). */
export function offsetAt(text: string, line: number, column: number): number {
  if (cached === null || cached.text !== text) cached = createLineIndex(text);
  const starts = cached.starts;
  const l = Math.max(1, Math.min(starts.length, line));
  const bomShift = l === 1 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lineEnd = l < starts.length ? starts[l] : text.length;
  return Math.min(lineEnd, starts[l - 1] + bomShift + Math.max(0, column - 1));
}

/** The end offset of the line containing `offset`, before its line ending. */
export function lineEndAt(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
  return i;
}

/** The offset just after the line ending of the line containing `offset` (text.length at EOF). */
export function nextLineStart(text: string, offset: number): number {
  const end = lineEndAt(text, offset);
  if (text[end] === "\r" && text[end + 1] === "\n") return end + 2;
  return end < text.length ? end + 1 : end;
}
