// The Change Log section's first table: rows by header name and where a new row goes.
import type { Table } from "mdast";
import { nextLineStart, type LineIndex } from "./positions.js";
import { plainText, type Located } from "./tree.js";
import type { ChangeLog, ChangeLogRow, Section } from "./types.js";

const DATE = /^(date|when|day)\b/;
const AUTHOR = /^(author|authors|who|by|editor|owner|changed by)\b/;
const CHANGE = /^(change|changes|description|summary|what|details|notes?|comment)\b/;

export function buildChangeLog(text: string, index: LineIndex, section: Section, tables: readonly Located<Table>[]): ChangeLog {
  const from = section.headingSpan.end.offset;
  const to = section.span.end.offset;
  const table = tables.find((t) => t.start >= from && t.start < to);
  if (!table) return { section, table: null, insertOffset: to };
  const [headRow, ...bodyRows] = table.node.children;
  const header = headRow.children.map((c) => plainText(c));
  const lower = header.map((h) => h.toLowerCase());
  const columns = {
    date: lower.findIndex((h) => DATE.test(h)),
    author: lower.findIndex((h) => AUTHOR.test(h)),
    change: lower.findIndex((h) => CHANGE.test(h)),
  };
  const rows: ChangeLogRow[] = bodyRows.map((row) => {
    const start = row.position?.start.offset ?? table.start;
    const end = row.position?.end.offset ?? table.end;
    const cells = row.children.map((c) => cellSource(text, c.position?.start.offset ?? start, c.position?.end.offset ?? start));
    const at = (i: number) => (i >= 0 && i < cells.length ? cells[i] : "");
    return { cells, date: at(columns.date), author: at(columns.author), change: at(columns.change), span: index.spanOf(start, end) };
  });
  const headEnd = headRow.position?.end.offset ?? table.start;
  const insertOffset = rows.length > 0 ? nextLineStart(text, rows[rows.length - 1].span.end.offset) : nextLineStart(text, nextLineStart(text, headEnd));
  return { section, table: { span: index.spanOf(table.start, table.end), header, columns, rows }, insertOffset };
}

/** A cell as written: the source between its pipes, trimmed. */
function cellSource(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/^\s*\|/, "").replace(/\|\s*$/, "").trim();
}
