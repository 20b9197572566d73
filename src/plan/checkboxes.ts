// Task-list items (`- [ ]`, `- [x]`) outside code, with the offset of their mark.
import type { ListItem } from "mdast";
import { lineEndAt, type LineIndex } from "./positions.js";
import { plainText, type Located } from "./tree.js";
import type { Checkbox } from "./types.js";

export function buildCheckboxes(text: string, index: LineIndex, items: readonly Located<ListItem>[]): Checkbox[] {
  const out: Checkbox[] = [];
  for (const item of items) {
    if (typeof item.node.checked !== "boolean") continue;
    const markOffset = findMark(text, item);
    if (markOffset < 0) continue;
    const first = item.node.children[0];
    out.push({
      text: first ? plainText(first) : "",
      checked: item.node.checked,
      span: index.spanOf(item.start, lineEndAt(text, item.start)),
      markOffset,
    });
  }
  return out;
}

/** The `[ ]` right after the list marker: `- [x] …`, `1. [ ] …`. */
function findMark(text: string, item: Located<ListItem>): number {
  const m = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/.exec(text.slice(item.start, item.start + 40));
  if (m) return item.start + m[0].length - 2;
  // the marker and the box on different lines (`-\n  [ ] …`) — search up to the first child
  const limit = item.node.children[0]?.position?.start.offset ?? item.end;
  for (let i = item.start; i + 2 < Math.min(limit + 4, text.length); i++) {
    if (text[i] === "[" && text[i + 2] === "]" && /[ xX]/.test(text[i + 1])) return i + 1;
  }
  return -1;
}
