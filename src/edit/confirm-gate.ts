import type { Gate, PlanDocument } from "../plan/types.js";
import type { Replacement } from "./splice.js";

export interface ConfirmationMarker {
  user: string;
  /** YYYY-MM-DD */
  date: string;
  /** the head commit the phase was confirmed at (shortened to 7 characters) */
  sha: string;
  note?: string;
}

/** `✅ Confirmed by @user on 2026-01-02 at abc1234 — note`, the format the plan parser recognises. */
export function formatConfirmation(marker: ConfirmationMarker): string {
  const note = marker.note?.trim() ?? "";
  return `✅ Confirmed by @${marker.user} on ${marker.date} at ${marker.sha.slice(0, 7)}${note ? ` — ${note}` : ""}`;
}

/**
 * Inserts the confirmation as a paragraph of its own right after the gate's text (after the
 * gate's block: its paragraph and any list or lines that continue it), using the plan's EOL.
 */
export function confirmGate(plan: PlanDocument, gate: Gate, marker: ConfirmationMarker): Replacement {
  const { text, eol } = plan;
  const at = gateBlockEnd(text, gate);
  const next = lineAt(text, at + (text.startsWith("\r\n", at) ? 2 : text.startsWith("\n", at) ? 1 : 0));
  // a `---`/`===` line right under a paragraph would turn the marker into a heading
  const trailing = at < text.length && /^ {0,3}(-+|=+)[ \t]*$/.test(next) ? eol : "";
  return { start: at, end: at, insert: `${eol}${eol}${formatConfirmation(marker)}${trailing}` };
}

/** Offset of the end of the last line of the gate's block (before its line ending). */
export function gateBlockEnd(text: string, gate: Gate): number {
  let pos = Math.max(gate.span.end.offset, gate.textSpan?.end.offset ?? 0);
  if (pos > 0 && text[pos - 1] === "\n") pos -= text[pos - 2] === "\r" ? 2 : 1;
  else pos = contentEnd(text, pos);
  // the block goes on while the following lines are non-blank and do not start a new block
  for (;;) {
    const nl = text.indexOf("\n", pos);
    if (nl === -1) return pos;
    const line = lineAt(text, nl + 1);
    if (line.trim() === "" || /^ {0,3}(#{1,6}(\s|$)|(-[ \t]*){3,}$|(\*[ \t]*){3,}$|(_[ \t]*){3,}$|=+[ \t]*$|```|~~~)/.test(line) || HTML_BLOCK_START.test(line)) return pos;
    if (/^\s*✅ Confirmed by @/.test(line)) return pos;
    pos = contentEnd(text, nl + 1);
  }
}

/**
 * A line that starts an HTML block able to interrupt a paragraph (CommonMark kinds 1–6, e.g.
 * `<details>`, `<!--`): the marker goes before it, never inside a collapsed `<details>`.
 */
const HTML_BLOCK_START =
  /^ {0,3}(<(script|pre|style|textarea)(\s|>|$)|<!--|<\?|<![A-Za-z]|<!\[CDATA\[|<\/?(address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(\s|\/?>|$))/i;

/** Offset of the end of the line containing `pos`, before its `\r\n` or `\n`. */
export function contentEnd(text: string, pos: number): number {
  const nl = text.indexOf("\n", pos);
  if (nl === -1) return text.length;
  return text[nl - 1] === "\r" ? nl - 1 : nl;
}

function lineAt(text: string, start: number): string {
  return text.slice(start, contentEnd(text, start));
}
