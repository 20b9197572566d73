import { groupRows, GROUP_TITLES, type DashboardRow } from "./dashboard-row.js";

const paint = (on: boolean, code: [string, string], text: string) => (on ? `${code[0]}${text}${code[1]}` : text);
const BOLD: [string, string] = ["\u001b[1m", "\u001b[22m"];
const DIM: [string, string] = ["\u001b[2m", "\u001b[22m"];
const RED: [string, string] = ["\u001b[31m", "\u001b[39m"];
const YELLOW: [string, string] = ["\u001b[33m", "\u001b[39m"];
const CYAN: [string, string] = ["\u001b[36m", "\u001b[39m"];

/** The dashboard for a terminal: "Needs attention", then one aligned table per status group. */
export function formatDashboardText(rows: readonly DashboardRow[], options: { color: boolean }): string {
  const { color } = options;
  if (rows.length === 0) return "No plans found.\n";
  const out: string[] = [];
  const attention = rows.filter((r) => r.attention.length > 0);
  if (attention.length > 0) {
    out.push(paint(color, BOLD, `Needs attention (${attention.length})`));
    for (const r of attention) out.push(`  ${r.path}: ${r.attention.join("; ")}`);
    out.push("");
  }
  const header = ["Plan", "Status", "Phases", "Criteria", "Questions", "Findings"];
  for (const { group, rows: groupRowsList } of groupRows(rows)) {
    const cells = groupRowsList.map((r) => [
      r.path,
      oneLine(r.status ?? "—") + (r.stale ? " (stale)" : ""),
      r.phases.total === 0 ? "—" : `${r.phases.confirmed}/${r.phases.total}`,
      r.criteria.total === 0 ? "—" : `${r.criteria.checked}/${r.criteria.total}`,
      r.openQuestions.unresolved === 0 ? "—" : `${r.openQuestions.unresolved} (line ${r.openQuestions.firstLine})`,
      findingsText(r),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] as string).length)));
    out.push(paint(color, BOLD, `${GROUP_TITLES[group]} (${groupRowsList.length})`));
    out.push(`  ${paint(color, DIM, header.map((h, i) => h.padEnd(widths[i] as number)).join("  ").trimEnd())}`);
    groupRowsList.forEach((r, j) => {
      const line = (cells[j] as string[]).map((c, i) => {
        const padded = c.padEnd(widths[i] as number);
        if (i !== 5 || !color) return padded;
        return r.findings.error > 0 ? paint(true, RED, padded) : r.findings.warning > 0 ? paint(true, YELLOW, padded) : r.findings.notice > 0 ? paint(true, CYAN, padded) : padded;
      });
      out.push(`  ${line.join("  ").trimEnd()}`);
    });
    out.push("");
  }
  const counts = groupRows(rows).map(({ group, rows: g }) => `${g.length} ${GROUP_TITLES[group]}`);
  out.push(`${rows.length} plan${rows.length === 1 ? "" : "s"}: ${counts.join(", ")}.`);
  return `${out.join("\n")}\n`;
}

function findingsText(r: DashboardRow): string {
  const parts = (["error", "warning", "notice"] as const).filter((s) => r.findings[s] > 0).map((s) => `${r.findings[s]} ${s}${r.findings[s] === 1 ? "" : "s"}`);
  return parts.length ? parts.join(", ") : "none";
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 40 ? `${Array.from(flat).slice(0, 39).join("")}…` : flat;
}
