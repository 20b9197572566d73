import type { GateConfirmation } from "../plan/types.js";
import type { Replacement } from "./splice.js";
import { contentEnd } from "./confirm-gate.js";

/**
 * Removes a confirmation marker. A marker that starts its line (the paragraph `/plan phase-done`
 * writes) goes with its line and the blank line before it — the exact inverse of `confirmGate`;
 * a marker in the middle of a line is cut from that line (with the spaces before it). Nothing
 * else changes: ticked criteria stay ticked.
 */
export function reopenGate(text: string, confirmation: GateConfirmation): Replacement {
  const start = confirmation.span.start.offset;
  const lineStart = text.lastIndexOf("\n", start - 1) + 1;
  const end = contentEnd(text, Math.max(start, confirmation.span.end.offset - 1));
  if (text.slice(lineStart, start).trim() !== "") {
    let from = start;
    while (from > lineStart && (text[from - 1] === " " || text[from - 1] === "\t")) from -= 1;
    return { start: from, end, insert: "" };
  }
  if (lineStart === 0) {
    // first line of the file: take the marker line and its line ending
    const nl = text.indexOf("\n", end);
    return { start: 0, end: nl === -1 ? end : nl + 1, insert: "" };
  }
  // from the end of the previous non-blank line's content (usually two line endings back)
  let from = lineEndBefore(text, lineStart);
  const prevStart = text.lastIndexOf("\n", from - 1) + 1;
  if (text.slice(prevStart, from).trim() === "" && prevStart > 0) from = lineEndBefore(text, prevStart);
  return { start: from, end, insert: "" };
}

/** Offset where the line ending just before `lineStart` begins. */
function lineEndBefore(text: string, lineStart: number): number {
  return text[lineStart - 2] === "\r" ? lineStart - 2 : lineStart - 1;
}
