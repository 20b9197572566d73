// `**File**: \`src/a.ts:12-34\``, `**File:** path`, `File: path` entries inside a phase.
import type { Paragraph } from "mdast";
import { paragraphLines, plainLabelAt, type Label } from "./labels.js";
import type { LineIndex } from "./positions.js";
import type { Located } from "./tree.js";
import type { FileRef } from "./types.js";
import type { Scope } from "./criteria.js";
import { within } from "./ranges.js";

const FILE_KEY = /^files?$/i;

export function buildFileRefs(text: string, scope: Scope, index: LineIndex, labels: readonly Label[], paragraphs: readonly Located<Paragraph>[]): FileRef[] {
  const out: FileRef[] = [];
  const seen = new Set<number>();
  for (const l of within(labels, scope.start, scope.end, (x) => x.lineStart)) {
    if (!FILE_KEY.test(l.label)) continue;
    seen.add(l.lineStart);
    const ref = parseRef(text, index, l.lineStart, l.valueStart, l.lineEnd);
    if (ref) out.push(ref);
  }
  for (const p of within(paragraphs, scope.start, scope.end, (x) => x.start)) {
    for (const line of paragraphLines(text, p)) {
      if (seen.has(line.contentStart)) continue;
      const plain = plainLabelAt(text, line.contentStart, line.end);
      if (!plain || !FILE_KEY.test(plain.label)) continue;
      const ref = parseRef(text, index, line.contentStart, plain.valueStart, line.end);
      if (ref) out.push(ref);
    }
  }
  return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

function parseRef(text: string, index: LineIndex, lineStart: number, valueStart: number, lineEnd: number): FileRef | null {
  const value = text.slice(valueStart, lineEnd);
  const m = /^`([^`]+)`/.exec(value) ?? /^(\S+)/.exec(value);
  if (!m) return null;
  let path = m[1].trim().replace(/^\*\*|\*\*$/g, "");
  let lines: string | null = null;
  const range = /:(\d+(?:-\d+)?)$/.exec(path);
  if (range) {
    lines = range[1];
    path = path.slice(0, range.index);
  }
  if (path === "") return null;
  return { path, lines, span: index.spanOf(lineStart, lineEnd) };
}
