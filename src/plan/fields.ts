// Document header fields: bold (`**Status:** x`, `**Status**: x`), list (`- Status: x`), plain
// (`Status: x`) and frontmatter keys. Only header-ish lines count: before the first `##`
// heading, or inside a "Document Status"/"Metadata"-like section — a per-item `**Status**:`
// deep in the body is not the document's status.
import type { Paragraph } from "mdast";
import type { FrontmatterBlock } from "./frontmatter.js";
import type { HeadingInfo } from "./headings.js";
import { stripInline, trimRange } from "./inline-text.js";
import { paragraphLines, plainLabelAt, type Label } from "./labels.js";
import type { LineIndex } from "./positions.js";
import { normalizeHeading } from "./sections.js";
import type { Located } from "./tree.js";
import type { HeaderField } from "./types.js";

const HEADER_SECTION = /^(document )?(status|metadata|meta|info|information|details|properties|document control)$/;

/** [start, end) ranges where document fields may appear. */
export function headerRanges(headings: readonly HeadingInfo[], textStart: number, textLength: number): [number, number][] {
  const firstH2 = headings.find((h) => h.depth >= 2);
  const ranges: [number, number][] = [[textStart, firstH2 ? firstH2.start : textLength]];
  for (const h of headings) if (HEADER_SECTION.test(normalizeHeading(h.text))) ranges.push([h.end, h.sectionEnd]);
  return ranges;
}

export function buildBodyFields(text: string, index: LineIndex, ranges: readonly [number, number][], labels: readonly Label[], paragraphs: readonly Located<Paragraph>[]): HeaderField[] {
  const inHeader = (o: number) => ranges.some(([s, e]) => o >= s && o < e);
  const out: HeaderField[] = [];
  const seen = new Set<number>();
  for (const l of labels) {
    if (!inHeader(l.lineStart)) continue;
    seen.add(l.lineStart);
    out.push(field(text, index, l.label, "bold", l.item ? l.item.start : l.lineStart, l.valueStart, l.lineEnd));
  }
  for (const p of paragraphs) {
    if (!inHeader(p.start)) continue;
    const inList = p.parent?.type === "listItem";
    if (p.parent?.type === "listItem" && typeof p.parent.checked === "boolean") continue;
    for (const line of paragraphLines(text, p)) {
      if (seen.has(line.contentStart)) continue;
      const plain = plainLabelAt(text, line.contentStart, line.end);
      if (!plain || /^https?$/i.test(plain.label) || plain.valueStart >= line.end) continue;
      const start = inList && line.first ? (p.parent?.position?.start.offset ?? line.contentStart) : line.contentStart;
      out.push(field(text, index, plain.label, inList && line.first ? "list" : "plain", start, plain.valueStart, line.end));
    }
  }
  return out.sort((a, b) => a.span.start.offset - b.span.start.offset);
}

function field(text: string, index: LineIndex, key: string, form: HeaderField["form"], start: number, valueStart: number, lineEnd: number): HeaderField {
  const [s, e] = trimRange(text, valueStart, lineEnd);
  return { key, value: stripInline(text.slice(s, e)), form, span: index.spanOf(start, lineEnd), valueSpan: index.spanOf(s, e) };
}

/** One field per top-level frontmatter key (value from the parsed YAML, spans from its line). */
export function buildFrontmatterFields(text: string, index: LineIndex, block: FrontmatterBlock): HeaderField[] {
  if (block.data === null) return [];
  const out: HeaderField[] = [];
  const source = text.slice(block.contentStart, block.contentEnd);
  for (const [key, value] of Object.entries(block.data)) {
    const re = new RegExp(`^(["']?)${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\1[ \\t]*:[ \\t]*(.*)$`, "m");
    const m = re.exec(source);
    if (!m) continue;
    const lineStart = block.contentStart + m.index;
    const lineEnd = lineStart + m[0].length;
    const [s, e] = trimRange(text, lineEnd - m[2].length, lineEnd);
    out.push({ key, value: scalar(value), form: "frontmatter", span: index.spanOf(lineStart, lineEnd), valueSpan: index.spanOf(s, e) });
  }
  return out;
}

function scalar(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** A Status field, in the languages plans are written in: Estado, Stato, Statut, 状态, 狀態, 상태, ステータス. */
export function isStatusField(f: HeaderField): boolean {
  return /^(?:status|estado|estatus|stato|statut|状态|狀態|상태|ステータス)$/.test(f.key.trim().toLowerCase());
}

/** Frontmatter `status` wins over a body Status field. */
export function pickStatus(fields: readonly HeaderField[]): HeaderField | null {
  const isStatus = isStatusField;
  return fields.find((f) => f.form === "frontmatter" && isStatus(f)) ?? fields.find(isStatus) ?? null;
}
