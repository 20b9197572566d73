// Bold labels at the start of a paragraph line: `**Label**: value`, `**Label:** value`,
// `- **Automated**:` … Found in the source (offsets exact), one per line of a real paragraph.
import type { ListItem, Paragraph } from "mdast";
import { normalizeHeading } from "./sections.js";
import type { Located } from "./tree.js";

export interface Label {
  /** label as written without markup or colon: "Confirmation Gate" */
  label: string;
  normalized: string;
  lineStart: number;
  lineEnd: number;
  /** first offset after the colon (and spaces) */
  valueStart: number;
  paragraph: Located<Paragraph>;
  /** the label is the first line of the first paragraph of a list item: it heads that item */
  item: Located<ListItem> | null;
}

const BOLD_LABEL = /^(\*\*|__)[ \t]*([^*_\r\n]+?)[ \t]*(:?)[ \t]*\1[ \t]*(:?)[ \t]*/u;
const PLAIN_LABEL = /^([\p{L}][\p{L}\p{N} _/&-]{0,40}?)[ \t]*[:：][ \t]*/u;

export interface LineOfParagraph {
  start: number;
  end: number;
  /** offset of the first character after container prefixes (spaces, `>`) */
  contentStart: number;
  first: boolean;
}

/** The source lines of a paragraph with their container prefixes skipped. */
export function paragraphLines(text: string, p: Located<Paragraph>): LineOfParagraph[] {
  const out: LineOfParagraph[] = [];
  let s = p.start;
  let first = true;
  while (s < p.end) {
    let e = s;
    while (e < p.end && text[e] !== "\n" && text[e] !== "\r") e++;
    let c = s;
    if (!first) while (c < e && (text[c] === " " || text[c] === "\t" || text[c] === ">")) c++;
    out.push({ start: s, end: e, contentStart: c, first });
    first = false;
    s = e;
    if (text[s] === "\r" && text[s + 1] === "\n") s += 2;
    else if (s < p.end) s += 1;
  }
  return out;
}

export function findLabels(text: string, paragraphs: readonly Located<Paragraph>[], itemOf: (p: Located<Paragraph>) => Located<ListItem> | null): Label[] {
  const out: Label[] = [];
  for (const p of paragraphs) {
    const item = itemOf(p);
    if (item !== null && typeof item.node.checked === "boolean") continue; // a task's own words are not labels
    for (const line of paragraphLines(text, p)) {
      const m = BOLD_LABEL.exec(text.slice(line.contentStart, line.end));
      if (!m || (m[3] === "" && m[4] === "")) continue;
      out.push({
        label: m[2].trim(),
        normalized: normalizeHeading(m[2]),
        lineStart: line.contentStart,
        lineEnd: line.end,
        valueStart: line.contentStart + m[0].length,
        paragraph: p,
        item: line.first ? item : null,
      });
    }
  }
  return out;
}

/** A plain `Key: value` at the start of a line; null when the line does not start so. */
export function plainLabelAt(text: string, lineStart: number, lineEnd: number): { label: string; valueStart: number } | null {
  const m = PLAIN_LABEL.exec(text.slice(lineStart, lineEnd));
  if (!m) return null;
  return { label: m[1].trim(), valueStart: lineStart + m[0].length };
}
