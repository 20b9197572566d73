// Where the markdown may be cut into independently parsed pieces. micromark's cost grows
// faster than linearly with some documents (many tables: ~19 s for 840 KB), so parse.ts parses
// pieces of ~8 KB. A cut is made only before a line that starts at column 0 after a blank line
// and is not a list marker: such a line closes every list, quote and paragraph, so both sides
// parse exactly as in the whole document — except when a top-level fenced code block or an
// HTML block that ends on a marker (`<!--` … `-->`, `<pre>` …) is still open, which
// `openConstructEnd` detects after parsing a piece. (Reference-style link definitions do not
// reach across pieces; the plan model never depends on them.)
import type { RootContent } from "mdast";

export const CHUNK_SIZE = 8_192;

/**
 * Where the piece that starts at `from` (always a valid cut: top level, outside any block) may
 * end: the first line start at or after `atLeast` that follows a blank line, starts at column 0
 * with something other than a list marker, and lies outside the fenced code blocks and HTML
 * comments that a line scan from `from` sees (the scan restarts at every piece, so a misread
 * fence cannot spread past one piece; `openConstructEnd` still catches whatever it misses).
 * `source.length` when there is none.
 */
export function nextCut(source: string, from: number, atLeast: number): number {
  const line = /[^\r\n]*(?:\r\n|\n|\r|$)/g;
  line.lastIndex = from;
  let open: RegExp | null = null;
  let afterBlank = false;
  for (let m = line.exec(source); m !== null && m[0].length > 0; m = line.exec(source)) {
    const text = m[0];
    if (open) {
      if (open.test(text)) open = null;
      afterBlank = false;
      continue;
    }
    if (afterBlank && m.index >= atLeast && /^[^ \t\r\n]/.test(text) && !LIST_MARKER.test(text)) return m.index;
    afterBlank = /^[ \t]*(?:\r\n|\n|\r|$)/.test(text);
    const fence = /^ {0,3}(`{3,}|~{3,})([^\r\n]*)/.exec(text);
    if (fence && !(fence[1][0] === "`" && fence[2].includes("`"))) {
      open = new RegExp(`^ {0,3}${fence[1][0]}{${fence[1].length},}[ \\t]*(?:\\r\\n|\\n|\\r|$)`);
    } else if (/^ {0,3}<!--/.test(text) && !text.includes("-->", text.indexOf("<!--") + 4)) {
      open = /-->/;
    }
  }
  return source.length;
}

const LIST_MARKER = /^(?:[-*+](?:[ \t]|\r|\n|$)|\d{1,9}[.)](?:[ \t]|\r|\n|$))/;

/**
 * If the piece's last top-level block is a fenced code block or a marker-ended HTML block
 * that the piece cut off, the offset (in `source`) where that block really ends; else null.
 */
export function openConstructEnd(source: string, lastTop: RootContent | undefined, pieceStart: number, pieceEnd: number): number | null {
  let last: RootContent | undefined = lastTop;
  // a fence or HTML block left open deep inside the last list/quote swallows the blank line
  // before the cut; the cut line closes it in the whole document, so parse one piece more
  while (last && (last.type === "list" || last.type === "listItem" || last.type === "blockquote" || last.type === "footnoteDefinition")) {
    last = last.children[last.children.length - 1] as RootContent | undefined;
  }
  if (last !== lastTop && last && (last.type === "code" || last.type === "html")) {
    const inner = openConstructEnd(source, last, pieceStart, pieceEnd);
    return inner === null ? null : pieceEnd + 1;
  }
  if (!last?.position) return null;
  const start = pieceStart + (last.position.start.offset ?? 0);
  const end = pieceStart + (last.position.end.offset ?? 0);
  if (end < pieceEnd - 2 && !/^[\s]*$/.test(source.slice(end, pieceEnd))) return null;
  const head = source.slice(start, Math.min(start + 200, pieceEnd));
  if (last.type === "code") {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(head);
    if (!fence) return null;
    const close = new RegExp(`(?:\\r\\n|\\n|\\r) {0,3}${fence[1][0] === "`" ? "`" : "~"}{${fence[1].length},}[ \\t]*(?=\\r|\\n|$)`, "g");
    close.lastIndex = fence[0].length; // body-relative, like the match below
    const body = source.slice(start, end);
    if (close.exec(body) !== null && close.lastIndex >= body.length - 2) return null; // closed inside the piece
    close.lastIndex = end;
    const m = close.exec(source);
    return m ? m.index + m[0].length : source.length;
  }
  if (last.type === "html") {
    const enders: [RegExp, string][] = [
      [/^ {0,3}<!--/, "-->"],
      [/^ {0,3}<\?/, "?>"],
      [/^ {0,3}<!\[CDATA\[/, "]]>"],
      [/^ {0,3}<![A-Za-z]/, ">"],
    ];
    const raw = /^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i.exec(head);
    const marker = raw ? new RegExp(`</${raw[1]}>`, "i") : null;
    for (const [re, endMark] of enders) {
      if (!re.test(head)) continue;
      const from = start + head.indexOf("<") + 2;
      if (source.slice(from, end).includes(endMark)) return null;
      const at = source.indexOf(endMark, end);
      return at < 0 ? source.length : at + endMark.length;
    }
    if (marker) {
      if (marker.test(source.slice(start, end))) return null;
      marker.lastIndex = 0;
      const rest = source.slice(end).search(marker);
      return rest < 0 ? source.length : end + rest;
    }
  }
  return null;
}
