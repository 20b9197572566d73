// The confirmation gate of one phase: a `**Confirmation Gate**: text` line or a heading named
// so (its text = the first block under it), plus the `✅ Confirmed by @user …` marker after it.
import type { Nodes, Paragraph } from "mdast";
import type { Scope } from "./criteria.js";
import type { HeadingInfo } from "./headings.js";
import { stripInline, trimRange } from "./inline-text.js";
import { paragraphLines, type Label } from "./labels.js";
import type { LineIndex } from "./positions.js";
import { normalizeHeading } from "./sections.js";
import { plainText, type Located } from "./tree.js";
import type { Gate, GateConfirmation } from "./types.js";
import { within } from "./ranges.js";

export const CONFIRMATION_MARKER =
  /✅ Confirmed by @([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\[bot\])?) on (\d{4}-\d{2}-\d{2}) at ([0-9a-f]{7,40})/;

export function isGateName(name: string): boolean {
  return normalizeHeading(name) === "confirmation gate";
}

export function buildGate(
  text: string,
  scope: Scope,
  index: LineIndex,
  headings: readonly HeadingInfo[],
  labels: readonly Label[],
  blocks: readonly Located<Nodes>[],
  paragraphs: readonly Located<Paragraph>[],
  isGateLabel: (label: string, value: string) => boolean = isGateName,
): Gate | null {
  // the format decides which labels are gates (HumanLayer's Implementation Note, spec-kit's Checkpoint)
  const label = within(labels, scope.start, scope.end, (l) => l.lineStart).find((l) => isGateLabel(l.label, text.slice(l.valueStart, l.lineEnd)));
  const heading = within(headings, scope.start, scope.end, (h) => h.start).find((h) => h.start !== scope.start && isGateName(h.text));
  let gate: Gate | null = null;
  if (label && (!heading || label.lineStart < heading.start)) gate = fromLabel(text, index, label);
  else if (heading) gate = fromHeading(text, index, heading, Math.min(heading.sectionEnd, scope.end), blocks);
  if (gate === null) return null;
  gate.confirmation = findConfirmation(text, index, gate.span.start.offset, scope.end, paragraphs);
  return gate;
}

function fromLabel(text: string, index: LineIndex, label: Label): Gate {
  // the value runs to the end of the paragraph, the next labelled line, or a marker
  let end = label.paragraph.end;
  for (const line of paragraphLines(text, label.paragraph)) {
    if (line.start <= label.lineStart) continue;
    if (/^(\*\*|__)[^*_]+\1?/.test(text.slice(line.contentStart, line.end)) || CONFIRMATION_MARKER.test(text.slice(line.contentStart, line.end))) {
      end = line.start;
      break;
    }
  }
  const [s, e] = trimRange(text, label.valueStart, end);
  const value = stripInline(text.slice(s, e));
  return {
    text: value,
    span: index.spanOf(label.lineStart, label.lineEnd),
    textSpan: value === "" ? null : index.spanOf(s, e),
    form: "bold",
    confirmation: null,
  };
}

function fromHeading(text: string, index: LineIndex, heading: HeadingInfo, end: number, blocks: readonly Located<Nodes>[]): Gate {
  const first = within(blocks, heading.end, end, (b) => b.start).find((b) => b.node.type !== "heading" && b.node.type !== "thematicBreak");
  const usable = first && !(first.node.type === "paragraph" && CONFIRMATION_MARKER.test(text.slice(first.start, first.end)));
  const value = usable ? plainText(first.node) : "";
  return {
    text: value,
    span: index.spanOf(heading.start, heading.end),
    textSpan: usable && value !== "" ? index.spanOf(first.start, first.end) : null,
    form: "heading",
    confirmation: null,
  };
}

function findConfirmation(text: string, index: LineIndex, from: number, to: number, paragraphs: readonly Located<Paragraph>[]): GateConfirmation | null {
  for (const p of within(paragraphs, from, to, (x) => x.start)) {
    const m = CONFIRMATION_MARKER.exec(text.slice(p.start, p.end));
    if (!m) continue;
    const start = p.start + m.index;
    return { user: m[1], date: m[2], sha: m[3], span: index.spanOf(start, start + m[0].length) };
  }
  return null;
}
