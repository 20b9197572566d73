import type { ChangeLogRow, PlanDocument } from "../plan/types.js";

/**
 * The Change Log row that records pull request `pr`, if any: a row any of whose cells names it as
 * a whole token — `#123` (not `#1234`, `owner/repo#123` or `&#123;`) or a `/pull/123` link.
 * Visible and hand-editable on purpose (no hidden marker): a person who writes the row by hand,
 * or removes it, is respected. Rows inside fenced examples are not rows (the parser skips code).
 */
export function findChangelogRow(plan: PlanDocument, pr: number): ChangeLogRow | null {
  const rows = plan.changeLog?.table?.rows ?? [];
  const token = prToken(pr);
  return rows.find((row) => row.cells.some((cell) => token.test(cell))) ?? null;
}

export function prToken(pr: number): RegExp {
  return new RegExp(`(?:(?<![\\w/&#-])#${pr}|/pulls?/${pr})(?![\\w])`);
}
