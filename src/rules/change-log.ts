import type { ChangeLogRow } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { quote } from "./phase-name.js";
import { isRuleOff } from "./rule-setting.js";
import { outOfOrder } from "./out-of-order.js";
import { expectsOf } from "./format-expects.js";

const TABLE = "`| Date | Author | Change |` / `|------|--------|--------|`";

/** A calendar date written YYYY-MM-DD (markup such as `**` or backticks around it allowed). */
export function parseIsoDate(cell: string): { ok: true; value: number } | { ok: false; reason: "format" | "impossible" } {
  const m = /^[*_`~\s]*(\d{4})-(\d{2})-(\d{2})[*_`~\s]*$/.exec(cell);
  if (!m) return { ok: false, reason: "format" };
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const value = Date.UTC(y, mo - 1, d);
  const back = new Date(value);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return { ok: false, reason: "impossible" };
  return { ok: true, value };
}

export const changeLog: Rule = {
  id: "change-log",
  defaultSeverity: "warning",
  description:
    "The Change Log is a Date | Author | Change table with YYYY-MM-DD dates in chronological order (oldest or newest first, consistently).",
  check(plan, ctx) {
    const log = plan.changeLog;
    if (!log) return [];
    const table = log.table;
    // Other formats keep their own revision history (a `Date | Change` table, prose): only a table
    // that breaks itself (rows of the wrong width, dates out of order) is reported there.
    const template = expectsOf(plan).templateChangeLog;
    if (!table && !template) return [];
    if (!table) {
      return [
        {
          span: firstLineOf(plan, log.section.headingSpan),
          message: `Unexpected ${quote(log.section.heading)} section without a table, expected a ${TABLE} table: add one with a row per change`,
        },
      ];
    }
    const reports: RuleReport[] = [];
    const missing = (["date", "author", "change"] as const).filter((c) => table.columns[c] < 0);
    if (missing.length > 0 && template) {
      const names = missing.map((c) => `\`${c[0].toUpperCase()}${c.slice(1)}\``).join(", ");
      reports.push({
        span: firstLineOf(plan, table.span),
        message: `Unexpected Change Log table without ${names} ${missing.length === 1 ? "column" : "columns"} (header: ${quote(table.header.join(" | "))}), expected ${TABLE}: add the ${missing.length === 1 ? "column" : "columns"} (or rename the header cells)`,
      });
    }
    const width = table.header.length;
    for (const row of table.rows) {
      if (row.cells.length !== width) {
        reports.push({
          span: firstLineOf(plan, row.span),
          message: `Unexpected row with ${row.cells.length} ${row.cells.length === 1 ? "cell" : "cells"}, expected ${width} like the header: add or remove \`|\` cells (escape a literal pipe as \`\\|\`)`,
        });
      }
    }
    if (table.columns.date < 0) return reports;
    const dated: { row: ChangeLogRow; value: number }[] = [];
    for (const row of table.rows) {
      const cell = row.date.trim();
      if (cell === "YYYY-MM-DD" && !isRuleOff(ctx.config, "template-placeholders")) continue;
      const parsed = parseIsoDate(cell);
      if (parsed.ok) dated.push({ row, value: parsed.value });
      else if (template || parsed.reason === "impossible")
        reports.push({
          span: firstLineOf(plan, row.span),
          message:
            parsed.reason === "impossible"
              ? `Unexpected date ${quote(cell)}, which is not a day of the calendar, expected a real date as YYYY-MM-DD: correct it`
              : `Unexpected date ${quote(cell || "(empty)")}, expected YYYY-MM-DD (e.g. \`2025-01-31\`): rewrite it in that form`,
        });
    }
    const { misplaced, direction } = outOfOrder(dated.map((d) => d.value));
    for (const i of misplaced) {
      const { row } = dated[i];
      reports.push({
        span: firstLineOf(plan, row.span),
        message: `Unexpected ${quote(row.date.trim())} out of order, expected the rows ${direction === "ascending" ? "oldest first" : "newest first"} like the rest of the table: move this row to its place`,
      });
    }
    return reports;
  },
};
