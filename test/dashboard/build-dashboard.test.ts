import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";
import { buildDashboard, DASHBOARD_MARKER, ISSUE_BODY_LIMIT } from "../../src/report/dashboard.js";
import { dashboardRow, type DashboardRow } from "../../src/report/dashboard-row.js";
import { sharedDir } from "../helpers/corpus.js";

// The pure builder: the shared corpus rendered as one repository (committed fixture, read by eye;
// UPDATE_FIXTURES=1 rewrites it), grouping, the size limit and escaping.

const FIXTURE = path.resolve("test/fixtures/dashboard/corpus.md");
const REPO_URL = "https://github.com/octo-org/corpus";

function row(text: string, file: string, extra: Partial<Pick<DashboardRow, "pulls" | "lastCommit">> & { findings?: ReturnType<typeof lintText>["findings"] } = {}): DashboardRow {
  const { plan, findings } = lintText(text, file, defaultConfig);
  return dashboardRow({ path: file, plan, findings: extra.findings ?? findings, pulls: extra.pulls ?? [], lastCommit: extra.lastCommit ?? null });
}

const corpusRows = () =>
  readdirSync(path.join(sharedDir, "corpus/files"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => ({ file, text: readFileSync(path.join(sharedDir, "corpus/files", file), "utf8") }))
    .map(({ file, text }) => ({ plan: lintText(text, `docs/plans/${file}`, defaultConfig), file }))
    .filter(({ plan }) => plan.plan.isPlan || plan.plan.unparseable)
    .map(({ plan, file }) => dashboardRow({ path: `docs/plans/${file}`, plan: plan.plan, findings: plan.findings, pulls: [], lastCommit: null }));

describe("buildDashboard", () => {
  it("renders the shared corpus as one repository (the committed fixture)", () => {
    const rows = corpusRows();
    const body = buildDashboard({ rows, repoUrl: REPO_URL, ref: "main" });
    if (process.env.UPDATE_FIXTURES === "1" || !existsSync(FIXTURE)) writeFileSync(FIXTURE, body);
    expect(body).toBe(readFileSync(FIXTURE, "utf8"));
    expect(body.startsWith(`${DASHBOARD_MARKER}\n`)).toBe(true);
    // every plan once, in one table row
    for (const r of rows) expect(body.split("\n").filter((l) => l.startsWith(`| [\`${r.path}\``))).toHaveLength(1);
    // every table row has as many cells as its header
    const tableLines = body.split("\n").filter((l) => l.startsWith("| "));
    const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length;
    expect(new Set(tableLines.map(cells)).size).toBe(1);
  });

  it("groups by status in the order In Progress, Approved, In Review, Draft, Completed, no status", () => {
    const plan = (status: string | null, title: string) => `# ${title}\n\n${status ? `**Status**: ${status}\n\n` : ""}## Overview\n\nx\n\n## Phase 1: Do\n\n- [ ] a\n`;
    const rows = [
      row(plan("Completed", "C"), "c.md"),
      row(plan(null, "N"), "n.md"),
      row(plan("Draft", "D"), "d.md"),
      row(plan("In Progress", "P"), "p.md"),
      row(plan("Approved", "A"), "a.md"),
      row(plan("In Review", "R"), "r.md"),
      row(plan("Someday maybe", "U"), "u.md"),
    ];
    const headings = buildDashboard({ rows, repoUrl: REPO_URL, ref: "main" }).split("\n").filter((l) => l.startsWith("### "));
    expect(headings).toEqual(["### Needs attention (1)", "### In Progress (1)", "### Approved (1)", "### In Review (1)", "### Draft (1)", "### Completed (1)", "### No status (2)"]);
  });

  it("stays within GitHub's 65 536 characters by dropping Completed rows first, with a note and a count", () => {
    const base = readFileSync(path.join(sharedDir, "corpus/files/044-tied-species-reporting.md"), "utf8");
    const withStatus = (s: string) => base.replace(/^status: .*$/m, `status: ${s}`);
    // Parsed once per status; each row is the same plan at another path.
    const done = lintText(withStatus("implemented"), "x.md", defaultConfig);
    const active = lintText(withStatus("in_progress"), "x.md", defaultConfig);
    const at = (linted: typeof done, file: string) => dashboardRow({ path: file, plan: linted.plan, findings: linted.findings, pulls: [], lastCommit: null });
    const rows: DashboardRow[] = [];
    for (let i = 0; i < 300; i++) rows.push(at(done, `docs/plans/done/plan-${String(i).padStart(3, "0")}.md`));
    for (let i = 0; i < 40; i++) rows.push(at(active, `docs/plans/active/plan-${String(i).padStart(3, "0")}.md`));
    const body = buildDashboard({ rows, repoUrl: REPO_URL, ref: "main" });
    expect(body.length).toBeLessThanOrEqual(ISSUE_BODY_LIMIT);
    expect(body.length).toBeGreaterThan(ISSUE_BODY_LIMIT - 3000);
    for (let i = 0; i < 40; i++) expect(body).toContain(`docs/plans/active/plan-${String(i).padStart(3, "0")}.md`);
    const shown = body.split("\n").filter((l) => l.startsWith("| [`docs/plans/done/")).length;
    expect(shown).toBeLessThan(300);
    expect(body).toContain("### Completed (300)");
    expect(body).toContain(`_…${300 - shown} more plans not shown (GitHub's issue size limit)._`);
    // the rows kept are the first ones by path
    expect(body).toContain("docs/plans/done/plan-000.md");
  });

  it("escapes plan text as the sticky comment does: no mentions, no HTML, no broken table", () => {
    const text = "# Ship @acme/admins <img src=x onerror=alert(1)> | x\n\n**Status**: In Progress @bob <b>now</b> | y\n\n## Overview\n\nx\n\n## Open Questions\n\n- Who? @carol\n\n## Phase 1: A\n\n- [ ] a\n";
    const body = buildDashboard({ rows: [row(text, "docs/plans/evil|name.md", { pulls: [12, 15, 12] })], repoUrl: REPO_URL, ref: "main" });
    expect(body).not.toMatch(/@acme/);
    expect(body).not.toMatch(/@bob/);
    expect(body).not.toMatch(/<img|<b>/);
    const line = body.split("\n").find((l) => l.startsWith("| [`docs/plans/evil")) as string;
    expect(line.replace(/\\\|/g, "").split("|")).toHaveLength(body.split("\n").find((l) => l.startsWith("| Plan"))!.split("|").length);
    expect(line).toContain("| #12, #15 |");
  });

  it("marks stale plans and missing files from the plan-versus-code rules' findings, by rule id", () => {
    const text = "# P\n\n**Status**: Completed\n\n## Overview\n\nx\n\n## Phase 1: A\n\n- [x] a\n";
    const { findings } = lintText(text, "p.md", defaultConfig);
    const at = findings[0] ?? { rule: "x", severity: "notice" as const, line: 1, column: 1, endLine: 1, endColumn: 2, message: "m", path: "p.md" };
    const extra = [
      { ...at, rule: "stale-plan", severity: "notice" as const, message: "stale" },
      { ...at, rule: "done-without-change", severity: "warning" as const, message: "src/a.ts missing" },
    ];
    const r = row(text, "p.md", { findings: [...findings, ...extra], lastCommit: "2025-01-02T10:00:00Z" });
    expect(r).toMatchObject({ stale: true, missingFiles: 1, lastCommit: "2025-01-02" });
    const body = buildDashboard({ rows: [r], repoUrl: REPO_URL, ref: "main" });
    expect(body).toContain("2025-01-02 💤 stale");
    expect(body).toMatch(/Needs attention \(1\)[\s\S]*1 file named by a phase marked done does not exist; stale/);
  });
});
