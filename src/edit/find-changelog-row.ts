import { defaultConfig } from "../config/schema.js";
import type { ChangeLogRow, PlanDocument } from "../plan/types.js";

/**
 * The Change Log row that records pull request `pr`, if any. A row's pull request is the one
 * `changelog.template` puts in its Change cell (`{pr}`), so a row written by plan-hygiene for
 * #50 whose title mentions #12 is #50's row, not #12's. A hand-written row that does not follow
 * the template belongs to the first pull request it names: `#123` as a whole token (not `#1234`,
 * `owner/repo#123` or `&#123;`) or a `/pull/123` link. Visible and hand-editable on purpose (no
 * hidden marker). Rows inside fenced examples are not rows (the parser skips code).
 */
export function findChangelogRow(plan: PlanDocument, pr: number, template = defaultConfig.changelog.template): ChangeLogRow | null {
  const rows = plan.changeLog?.table?.rows ?? [];
  const fromTemplate = templateMatcher(template);
  return rows.find((row) => rowPullRequest(row, fromTemplate) === pr) ?? null;
}

/** A reference to pull request `number` (a number, or `\\d+` for any, captured): `#123` as a whole token or a `/pull/123` link. */
function prReference(number: string): string {
  return `(?:(?<![\\w/&#-])#(${number})|/pulls?/(${number}))(?!\\w)`;
}

export function prToken(pr: number): RegExp {
  return new RegExp(prReference(String(pr)));
}

const ANY_PR = new RegExp(prReference("\\d+"));

function rowPullRequest(row: ChangeLogRow, fromTemplate: RegExp): number | null {
  const written = fromTemplate.exec(row.change.trim());
  if (written) return Number(written[1]);
  for (const cell of row.cells) {
    const m = ANY_PR.exec(cell);
    if (m) return Number(m[1] ?? m[2]);
  }
  return null;
}

/** The template as a pattern over a Change cell: `{pr}` captured, other placeholders any text (renderChangelogChange appends ` (#N)` when the template has no `{pr}`). */
function templateMatcher(template: string): RegExp {
  const body = template
    .trim()
    .split(/(\{(?:pr|title|author|details)\})/)
    .map((part) => (part === "{pr}" ? "#(\\d+)" : /^\{\w+\}$/.test(part) ? ".*?" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(template.includes("{pr}") ? `^${body}$` : `^${body} \\(#(\\d+)\\)$`, "s");
}
