import { ruleDocsUrl } from "../rules/docs-url.js";
import { groupRows, GROUP_TITLES, type DashboardRow } from "./dashboard-row.js";
import { blobUrl, clip, codeSpan, escapeText, link } from "./escape-markdown.js";
import { ICONS, plural } from "./plan-summary.js";

export const DASHBOARD_MARKER = "<!-- plan-hygiene:dashboard -->";
/** GitHub's limit for an issue body. */
export const ISSUE_BODY_LIMIT = 65536;
const MAX_ATTENTION = 25;
const MAX_RULE_LINKS = 3;

export interface DashboardView {
  rows: readonly DashboardRow[];
  /** https://github.com/owner/repo, or null for links relative to the working tree (the CLI) */
  repoUrl: string | null;
  /** the branch (or commit) the plans were read at, for links and the header */
  ref: string;
  /** set when GitHub's recursive tree listing was truncated: some plans may be missing */
  treeTruncated?: boolean;
  /** open pull requests beyond the ones matched with plans (GitHub lists 100 per read) */
  pullsNotMatched?: number;
  /** configuration problems, said in one line (details are in the PR check) */
  configProblems?: number;
}

/**
 * The dashboard markdown (the issue body, `plan-hygiene status --format markdown`): a hidden
 * marker, "Needs attention", then one table per status group. Deterministic for a given view, so
 * an unchanged repository never edits the issue. Within `limit` characters: Completed rows are
 * dropped first (with a note and a count), then the other groups from the bottom up.
 */
export function buildDashboard(view: DashboardView, limit = ISSUE_BODY_LIMIT): string {
  const showPulls = view.rows.some((r) => r.pulls !== null);
  const showDates = view.rows.some((r) => r.lastCommit !== null);
  const head = [DASHBOARD_MARKER, headerLine(view)];
  if (view.treeTruncated) head.push("", "> [!WARNING]\n> GitHub truncated the repository's file listing; plans beyond it are not shown.");
  if (view.pullsNotMatched) head.push("", `> [!NOTE]\n> Only the 100 most recently updated open pull requests are matched with plans (${view.pullsNotMatched} more are open).`);
  if (view.configProblems) head.push("", `> [!WARNING]\n> The plan-hygiene configuration has ${plural(view.configProblems, "problem")}; the defaults apply where it is invalid.`);
  if (view.rows.length === 0) return [...head, "", "_No plans on this branch._"].join("\n");
  const attention = attentionSection(view);
  const groups = groupRows(view.rows).map(({ group, rows }) => ({ group, lines: rows.map((r) => tableRow(r, view, showPulls, showDates)), omitted: 0 }));
  const render = () => {
    const parts = [head.join("\n")];
    if (attention) parts.push(attention);
    for (const g of groups) {
      const total = g.lines.length + g.omitted;
      const section = [`### ${GROUP_TITLES[g.group]} (${total})`, ...(g.lines.length > 0 ? ["", tableHeader(showPulls, showDates), ...g.lines] : [])];
      if (g.omitted) section.push("", `_…${plural(g.omitted, "more plan")} not shown (GitHub's issue size limit)._`);
      parts.push(section.join("\n"));
    }
    return parts.join("\n\n");
  };
  // Cut order: Completed first, then the other groups from the bottom of the page up.
  const order = [...groups].sort((a, b) => Number(b.group === "completed") - Number(a.group === "completed") || groups.indexOf(b) - groups.indexOf(a));
  let body = render();
  for (const g of order) {
    while (body.length > limit && g.lines.length > 0) {
      // Drop enough rows at once to fit (estimated by length), then re-check.
      const excess = body.length - limit;
      let drop = 0;
      let freed = 0;
      while (drop < g.lines.length && freed < excess) freed += (g.lines[g.lines.length - 1 - drop++] as string).length + 1;
      g.lines.splice(g.lines.length - drop, drop);
      g.omitted += drop;
      body = render();
    }
    if (body.length <= limit) break;
  }
  return body.length <= limit ? body : `${body.slice(0, limit - 40)}\n\n_…cut at GitHub's size limit._`;
}

function headerLine(view: DashboardView): string {
  const counts = groupRows(view.rows).map(({ group, rows }) => `${rows.length} ${GROUP_TITLES[group]}`);
  const branch = codeSpan(view.ref);
  const kept = view.repoUrl !== null ? " Kept current by plan-hygiene; edits to this issue are overwritten." : "";
  return `${plural(view.rows.length, "plan")} on ${branch}${counts.length > 0 ? `: ${counts.join(" · ")}` : ""}.${kept}`;
}

function attentionSection(view: DashboardView): string | null {
  const rows = view.rows.filter((r) => r.attention.length > 0).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (rows.length === 0) return null;
  const items = rows.slice(0, MAX_ATTENTION).map((r) => `- ${planLink(r, view)}: ${r.attention.map((a, i) => (i === 0 && r.openQuestions.firstLine !== null && a.startsWith("In Progress with") ? link(a, fileUrl(view, r.path, r.openQuestions.firstLine)) : a)).join("; ")}`);
  if (rows.length > MAX_ATTENTION) items.push(`- …and ${plural(rows.length - MAX_ATTENTION, "more plan")}`);
  return [`### Needs attention (${rows.length})`, "", ...items].join("\n");
}

function tableHeader(showPulls: boolean, showDates: boolean): string {
  const columns = ["Plan", "Status", "Phases confirmed", "Criteria ticked", "Open questions", "Findings", ...(showPulls ? ["Open PRs"] : []), ...(showDates ? ["Last commit"] : [])];
  return `| ${columns.join(" | ")} |\n|${columns.map(() => " --- ").join("|")}|`;
}

function tableRow(row: DashboardRow, view: DashboardView, showPulls: boolean, showDates: boolean): string {
  const cells = [
    planLink(row, view) + (row.title ? `<br>${escapeText(clip(row.title, 80))}` : ""),
    row.status === null ? "—" : escapeText(clip(row.status, 40)),
    row.phases.total === 0 ? "—" : `${row.phases.confirmed}/${row.phases.total}`,
    row.criteria.total === 0 ? "—" : `${row.criteria.checked}/${row.criteria.total}`,
    row.openQuestions.unresolved === 0 ? "—" : link(String(row.openQuestions.unresolved), fileUrl(view, row.path, row.openQuestions.firstLine ?? undefined)),
    findingsCell(row),
  ];
  if (showPulls) cells.push(row.pulls && row.pulls.length > 0 ? row.pulls.map((n) => `#${n}`).join(", ") : "—");
  if (showDates) cells.push(`${row.lastCommit ?? "—"}${row.stale ? " 💤 stale" : ""}`);
  else if (row.stale) cells[1] += " 💤 stale";
  return `| ${cells.join(" | ")} |`;
}

function findingsCell(row: DashboardRow): string {
  const counts = (["error", "warning", "notice"] as const).filter((s) => row.findings[s] > 0).map((s) => `${ICONS[s]} ${row.findings[s]}`);
  if (counts.length === 0) return "✅";
  const rules = row.rules.slice(0, MAX_RULE_LINKS).map((id) => link(codeSpan(id), ruleDocsUrl(id)));
  const more = row.rules.length > MAX_RULE_LINKS ? ` +${row.rules.length - MAX_RULE_LINKS}` : "";
  return `${counts.join(" ")}: ${rules.join(" ")}${more}`;
}

function planLink(row: DashboardRow, view: DashboardView): string {
  return link(codeSpan(row.path), fileUrl(view, row.path));
}

function fileUrl(view: DashboardView, path: string, line?: number): string {
  if (view.repoUrl !== null) return blobUrl(view.repoUrl, view.ref, path, line);
  return `${path.split("/").map(encodeURIComponent).join("/")}${line ? `#L${line}` : ""}`;
}
