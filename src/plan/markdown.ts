// Runs micromark/mdast on the text with its BOM removed and its frontmatter blanked, in pieces
// (chunks.ts), then shifts every node offset so it indexes the ORIGINAL text. mdast
// line/column are not used (positions.ts recomputes them from offsets).
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { CHUNK_SIZE, nextCut, openConstructEnd } from "./chunks.js";

export type MarkdownResult = { root: Root; error: null } | { root: null; error: string };

/** `source` must be `text` with the BOM dropped (shift = 1) and frontmatter blanked. */
export function parseMarkdown(source: string, shift: number, chunkSize = CHUNK_SIZE): MarkdownResult {
  try {
    const root: Root = { type: "root", children: [] };
    let start = 0;
    while (start < source.length) {
      let end = nextCut(source, start, start + chunkSize);
      let piece = parseOne(source.slice(start, end));
      for (let tries = 1; ; tries++) {
        const realEnd = end < source.length ? openConstructEnd(source, piece.children[piece.children.length - 1], start, end) : null;
        if (realEnd === null) break;
        // Extend past the open construct; after a few tries at least double the piece, so that
        // re-parsing stays within a constant factor and never swallows the rest of the document.
        end = nextCut(source, start, Math.max(realEnd, tries < 3 ? end + 1 : start + 2 * (end - start)));
        piece = parseOne(source.slice(start, end));
      }
      shiftOffsets(piece, start + shift);
      for (const child of piece.children) root.children.push(child);
      start = end;
    }
    root.position = { start: { line: 1, column: 1, offset: shift }, end: { line: 1, column: 1, offset: shift + source.length } };
    return { root, error: null };
  } catch (error) {
    const what = error instanceof RangeError ? "is nested too deeply" : "could not be parsed";
    return { root: null, error: `the markdown ${what} (${error instanceof Error ? error.message : String(error)})` };
  }
}

// Built once: the extensions are plain configuration, and rebuilding them for every piece costs more than a small piece's parse.
const MARKDOWN_OPTIONS = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

function parseOne(piece: string): Root {
  // micromark drops a leading U+FEFF as a byte-order mark, which would shift every offset of a
  // piece that starts with one (a second BOM, or a cut just before one). U+2060 is, like U+FEFF,
  // a format character (neither space nor punctuation to CommonMark) of the same length.
  const safe = piece.charCodeAt(0) === 0xfeff ? "\u2060" + piece.slice(1) : piece;
  return fromMarkdown(safe, MARKDOWN_OPTIONS);
}

function shiftOffsets(root: Root, shift: number): void {
  if (shift === 0) return;
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const pos = node.position;
    if (pos) {
      if (pos.start.offset !== undefined) pos.start.offset += shift;
      if (pos.end.offset !== undefined) pos.end.offset += shift;
    }
    if ("children" in node) for (const child of node.children) stack.push(child as Nodes);
  }
}
