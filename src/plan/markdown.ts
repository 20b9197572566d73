// Runs micromark/mdast on the text with its BOM removed and its frontmatter blanked, then shifts
// every node offset so it indexes the ORIGINAL text. mdast line/column are not used (we recompute
// them from offsets, which keeps BOM/CRLF handling in one place: positions.ts).
import type { Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";

export type MarkdownResult = { root: Root; error: null } | { root: null; error: string };

/** `source` must be `text` with the BOM dropped (shift = 1) and frontmatter blanked. */
export function parseMarkdown(source: string, shift: number): MarkdownResult {
  let root: Root;
  try {
    root = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  } catch (error) {
    const what = error instanceof RangeError ? "is nested too deeply" : "could not be parsed";
    return { root: null, error: `the markdown ${what} (${error instanceof Error ? error.message : String(error)})` };
  }
  if (shift !== 0) shiftOffsets(root, shift);
  return { root, error: null };
}

function shiftOffsets(root: Root, shift: number): void {
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
