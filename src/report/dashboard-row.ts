import type { PlanDocument } from "../plan/types.js";
import { planStatus } from "../rules/plan-status.js";
import type { PlanStatus } from "../rules/status-value.js";
import type { Finding, Severity } from "../rules/types.js";
import { countBySeverity, unresolvedQuestions } from "./plan-summary.js";

// One plan of the dashboard as plain data: what the issue, `plan-hygiene status` (text, markdown,
// json) and the Action all show. Stale plans and missing files come from the plan-versus-code
// rules' findings, by rule id, so the dashboard shows them wherever those rules run.

export const STALE_RULE = "stale-plan";
export const MISSING_FILES_RULE = "done-without-change";

/** The dashboard's groups, in display order. Unknown Status values go to "none". */
export const DASHBOARD_GROUPS = ["in-progress", "approved", "in-review", "draft", "completed", "none"] as const;
export type DashboardGroup = (typeof DASHBOARD_GROUPS)[number];

export const GROUP_TITLES: Record<DashboardGroup, string> = {
  "in-progress": "In Progress",
  approved: "Approved",
  "in-review": "In Review",
  draft: "Draft",
  completed: "Completed",
  none: "No status",
};

export interface DashboardPlan {
  path: string;
  plan: PlanDocument;
  findings: readonly Finding[];
  /** open pull requests that change or name the plan; null when not known (the CLI) */
  pulls: readonly number[] | null;
  /** ISO date-time of the last commit that changed the file; null when not known */
  lastCommit: string | null;
}

export interface DashboardRow {
  path: string;
  title: string | null;
  /** the Status as written, null when the plan has none */
  status: string | null;
  group: DashboardGroup;
  phases: { confirmed: number; total: number };
  /** success criteria of the phases (every task checkbox when no phase has criteria) */
  criteria: { checked: number; total: number };
  openQuestions: { unresolved: number; firstLine: number | null };
  findings: Record<Severity, number>;
  /** distinct rule ids with findings, most severe first */
  rules: string[];
  pulls: number[] | null;
  /** YYYY-MM-DD, null when not known */
  lastCommit: string | null;
  stale: boolean;
  /** `done-without-change` findings: files a phase claims done with that do not exist */
  missingFiles: number;
  /** why the plan is in "Needs attention" (empty when it is not) */
  attention: string[];
}

const GROUP_OF: Record<PlanStatus, DashboardGroup> = {
  "in-progress": "in-progress",
  approved: "approved",
  "in-review": "in-review",
  draft: "draft",
  completed: "completed",
};
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** The row for one plan (pure). */
export function dashboardRow(input: DashboardPlan): DashboardRow {
  const { plan, findings } = input;
  const canonical = planStatus(plan);
  const group: DashboardGroup = canonical ? GROUP_OF[canonical] : "none";
  const phases = plan.phases.filter((p) => !p.removed);
  const phaseBoxes = phases.flatMap((p) => [...p.criteria.automated, ...p.criteria.manual, ...p.criteria.other]);
  const boxes = phaseBoxes.length > 0 ? phaseBoxes : plan.checkboxes;
  const unresolved = unresolvedQuestions(plan);
  const rules = [...new Map([...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]).map((f) => [f.rule, f])).keys()];
  const stale = findings.some((f) => f.rule === STALE_RULE);
  const missingFiles = findings.filter((f) => f.rule === MISSING_FILES_RULE).length;
  const row: DashboardRow = {
    path: input.path,
    title: plan.title?.text ?? null,
    status: plan.status?.value ?? null,
    group,
    phases: { confirmed: phases.filter((p) => p.gate?.confirmation).length, total: phases.length },
    criteria: { checked: boxes.filter((b) => b.checked).length, total: boxes.length },
    openQuestions: { unresolved: unresolved.length, firstLine: unresolved[0]?.span.start.line ?? null },
    findings: countBySeverity(findings),
    rules,
    pulls: input.pulls ? [...new Set(input.pulls)].sort((a, b) => a - b) : null,
    lastCommit: input.lastCommit ? input.lastCommit.slice(0, 10) : null,
    stale,
    missingFiles,
    attention: [],
  };
  row.attention = attentionReasons(row);
  return row;
}

/** "In Progress with 2 unresolved open questions", "Completed with 3 unticked criteria", … */
export function attentionReasons(row: DashboardRow): string[] {
  const reasons: string[] = [];
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  if (row.group === "in-progress" && row.openQuestions.unresolved > 0) reasons.push(`In Progress with ${n(row.openQuestions.unresolved, "unresolved open question")}`);
  if (row.group === "completed" && row.criteria.checked < row.criteria.total) reasons.push(`Completed with ${n(row.criteria.total - row.criteria.checked, "unticked item")}`);
  if (row.missingFiles > 0) reasons.push(`${n(row.missingFiles, "file")} named by a phase marked done ${row.missingFiles === 1 ? "does" : "do"} not exist`);
  if (row.stale) reasons.push("stale: no change to the plan or its files for a long time");
  return reasons;
}

/** Rows grouped by status (groups in display order, rows by path within a group). */
export function groupRows(rows: readonly DashboardRow[]): { group: DashboardGroup; rows: DashboardRow[] }[] {
  return DASHBOARD_GROUPS.map((group) => ({ group, rows: rows.filter((r) => r.group === group).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) })).filter((g) => g.rows.length > 0);
}
