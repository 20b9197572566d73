import { buildDashboard } from "../report/dashboard.js";
import { dashboardRow, type DashboardRow } from "../report/dashboard-row.js";
import { formatDashboardText } from "../report/dashboard-text.js";
import type { LintedFile } from "../report/json.js";
import type { StatusFormat } from "./parse-args.js";

/** The stable `status --format json` shape (version 1), documented in the README. */
export interface StatusJson {
  version: 1;
  plans: DashboardRow[];
  summary: { plans: number; byGroup: Record<string, number>; needsAttention: number };
}

/** `plan-hygiene status`: the dashboard rows of the plans among `files`, in the chosen format. */
export function formatStatus(files: readonly LintedFile[], format: StatusFormat, color: boolean): string {
  const rows = files.flatMap((f) => (f.plan && (f.plan.isPlan || f.plan.unparseable) ? [dashboardRow({ path: f.path, plan: f.plan, findings: f.findings, pulls: null, lastCommit: null })] : []));
  if (format === "markdown") return `${buildDashboard({ rows, repoUrl: null, ref: "working tree" })}\n`;
  if (format === "json") return `${JSON.stringify(statusJson(rows), null, 2)}\n`;
  return formatDashboardText(rows, { color });
}

export function statusJson(rows: readonly DashboardRow[]): StatusJson {
  const byGroup: Record<string, number> = {};
  for (const r of rows) byGroup[r.group] = (byGroup[r.group] ?? 0) + 1;
  const plans = [...rows].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { version: 1, plans, summary: { plans: rows.length, byGroup, needsAttention: rows.filter((r) => r.attention.length > 0).length } };
}
