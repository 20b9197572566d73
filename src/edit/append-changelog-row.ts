import { parsePlan } from "../plan/parse.js";
import type { PlanDocument } from "../plan/types.js";
import { splice, type Replacement } from "./splice.js";
import { escapeTableCell } from "./table-cell.js";

export interface ChangelogRowInput {
  /** YYYY-MM-DD */
  date: string;
  /** `@login` */
  author: string;
  /** the Change cell text (escaped here) */
  change: string;
}

export type AppendRowResult = { text: string } | { text: null; reason: string };

const NEW_TABLE = ["| Date | Author | Change |", "|------|--------|--------|"];

/**
 * Adds one Change Log row, inserting only the new bytes (the file's EOL, BOM and final-newline
 * state are kept):
 * - existing table: after its last row (before the first row when the table is newest-first),
 *   extra columns left empty, the table's container prefix (`> `, indentation) repeated;
 * - Change Log section without a table (e.g. only a fenced example): a new table after the
 *   section's last content;
 * - no Change Log section: a `## Change Log` section after the document's last content. A file
 *   without a final newline still has none afterwards; trailing blank lines stay at the very end.
 * The result is re-parsed: if the new row is not read back as exactly one more row of the Change
 * Log table (an unclosed fence or HTML block swallowed it), nothing is returned but a reason.
 */
export function appendChangelogRow(plan: PlanDocument, row: ChangelogRowInput): AppendRowResult {
  if (plan.unparseable) return { text: null, reason: `The plan could not be parsed (${plan.unparseable.reason}).` };
  const cells = { date: escapeTableCell(row.date), author: escapeTableCell(row.author), change: escapeTableCell(row.change) };
  const placed = placeRow(plan, cells);
  if ("reason" in placed) return { text: null, reason: placed.reason };
  const text = splice(plan.text, [placed]);
  const before = plan.changeLog?.table?.rows.length ?? 0;
  // the input already passed the configured size limit; a row more must not fail the read-back
  const after = parsePlan(text, plan.path, { maxFileSize: Number.MAX_SAFE_INTEGER }).changeLog?.table?.rows ?? [];
  if (after.length !== before + 1 || !after.some((r) => r.cells.includes(cells.change))) {
    return { text: null, reason: "The new Change Log row would not be read back as a row of the Change Log table (an unclosed code fence or HTML block near it?); add the row by hand." };
  }
  return { text };
}

function placeRow(plan: PlanDocument, cells: { date: string; author: string; change: string }): Replacement | { reason: string } {
  const { text, eol } = plan;
  const log = plan.changeLog;
  const table = log?.table;
  if (log && table) {
    const width = Math.max(table.header.length, 1);
    const { date, author } = table.columns;
    const change = table.columns.change >= 0 ? table.columns.change : [...Array(width).keys()].find((i) => i !== date && i !== author);
    if (change === undefined) return { reason: "The Change Log table has no column for the change description." };
    const values: string[] = new Array<string>(width).fill("");
    if (date >= 0) values[date] = cells.date;
    if (author >= 0) values[author] = cells.author;
    values[change] = cells.change;
    const tableStart = table.span.start.offset;
    const prefix = text.slice(lineStart(text, tableStart), tableStart);
    const line = `${/^[ \t>]*$/.test(prefix) ? prefix : ""}| ${values.join(" | ")} |`;
    if (isNewestFirst(table.rows.map((r) => r.date))) {
      const at = lineStart(text, table.rows[0].span.start.offset);
      return { start: at, end: at, insert: line + eol };
    }
    const offset = log.insertOffset;
    if (offset === 0 || text[offset - 1] === "\n") return { start: offset, end: offset, insert: line + eol };
    const at = lineEnd(text, offset);
    return { start: at, end: at, insert: eol + line };
  }
  const tableText = [...NEW_TABLE, `| ${cells.date} | ${cells.author} | ${cells.change} |`].join(eol);
  if (log) {
    const at = endOfLastContent(text, log.section.span.start.offset, log.section.span.end.offset);
    return { start: at, end: at, insert: eol + eol + tableText };
  }
  const heading = `${"#".repeat(sectionDepth(plan))} Change Log`;
  const bom = plan.bom ? 1 : 0;
  const at = Math.max(bom, endOfLastContent(text, bom, text.length));
  const lead = at === bom ? "" : eol + eol;
  const trail = at === bom && text.length > bom ? eol : "";
  return { start: at, end: at, insert: `${lead}${heading}${eol}${eol}${tableText}${trail}` };
}

/** Dates read newest first when the first dated row is later than the last one. */
function isNewestFirst(dates: string[]): boolean {
  const dated = dates.map((d) => /\d{4}-\d{2}-\d{2}/.exec(d)?.[0]).filter((d): d is string => d !== undefined);
  return dated.length >= 2 && dated[0] > dated[dated.length - 1];
}

/** The heading depth most sections use (ignoring the `#` title), 2 when there are none. */
function sectionDepth(plan: PlanDocument): number {
  const counts = new Map<number, number>();
  for (const s of plan.sections) if (s.depth >= 2) counts.set(s.depth, (counts.get(s.depth) ?? 0) + 1);
  let best = 2;
  for (const [depth, n] of counts) if (n > (counts.get(best) ?? 0)) best = depth;
  return best;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf("\n", offset - 1) + 1;
}

/** The end of the line holding `offset`, before its EOL. */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  if (nl === -1) return text.length;
  return text[nl - 1] === "\r" ? nl - 1 : nl;
}

/** The end (before the EOL) of the last line in [from, to) that has non-whitespace text; `from` when none. */
function endOfLastContent(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    if (!/\s/.test(text[i])) return Math.min(lineEnd(text, i), to);
  }
  return from;
}
