// Headings with their plain text and the extent of the section each one opens.
import type { Heading } from "mdast";
import type { LineIndex } from "./positions.js";
import { normalizeHeading, sectionKindOf } from "./sections.js";
import { plainText, type Located } from "./tree.js";
import type { Section } from "./types.js";

export interface HeadingInfo {
  node: Heading;
  depth: number;
  /** heading text with markup stripped */
  text: string;
  start: number;
  end: number;
  /** start of the next heading of the same or a higher level, or the end of the text */
  sectionEnd: number;
}

export function describeHeadings(located: readonly Located<Heading>[], textLength: number): HeadingInfo[] {
  const out: HeadingInfo[] = located.map((h) => ({
    node: h.node,
    depth: h.node.depth,
    text: plainText(h.node),
    start: h.start,
    end: h.end,
    sectionEnd: textLength,
  }));
  // a stack of open headings: each new heading closes every open one of the same or lower level
  const open: HeadingInfo[] = [];
  for (const h of out) {
    while (open.length > 0 && open[open.length - 1].depth >= h.depth) open.pop()!.sectionEnd = h.start;
    open.push(h);
  }
  return out;
}

export function buildSections(headings: readonly HeadingInfo[], index: LineIndex, extraAliases?: Readonly<Record<string, readonly string[]>>): Section[] {
  // the document title (the first heading, when it is an H1) names the document, not a section
  const title = headings[0]?.depth === 1 ? headings[0] : null;
  return headings.map((h) => ({
    heading: h.text,
    normalized: normalizeHeading(h.text),
    kind: h === title ? null : sectionKindOf(h.text, extraAliases),
    depth: h.depth,
    headingSpan: index.spanOf(h.start, h.end),
    span: index.spanOf(h.start, h.sectionEnd),
  }));
}
