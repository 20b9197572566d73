// Precision and recall of the default configuration on the labelled real plans in
// test/fixtures/formats/files (each `<id>.md` beside `<id>.json`: source repo/path/commit, the
// format and what a reviewer of that format wants flagged, written before the linter ran).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../config/schema.js";
import { lintText } from "../lint/lint-text.js";
import type { Finding } from "../rules/types.js";

export interface LabelledProblem {
  line: number;
  alsoLines?: number[];
  kind: string;
  mustFix: boolean;
  why: string;
}

export interface LabelledFile {
  id: string;
  file: string;
  text: string;
  source: { repo: string; path: string; commit: string };
  format: string;
  isPlan: boolean;
  problems: LabelledProblem[];
}

/** Which rules report each kind of labelled problem. */
export const RULES_FOR_KIND: Record<string, readonly string[] | "any"> = {
  "open-questions": ["open-questions"],
  "status-contradiction": ["status"],
  "out-of-order": ["gate-order"],
  "test-first": ["test-first"],
  "template-leftover": ["template-placeholders", "confirmation-gate", "status"],
  "missing-gate": ["confirmation-gate"],
  "missing-criteria": ["success-criteria"],
  numbering: ["phase-numbering"],
  "change-log": ["change-log"],
  "missing-section": ["required-sections"],
  other: "any",
};

export function readLabelledSet(dir: string): LabelledFile[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const meta = JSON.parse(readFileSync(path.join(dir, name), "utf8"));
      const file = name.replace(/\.json$/, ".md");
      return { id: name.split("-")[0], file, text: readFileSync(path.join(dir, file), "utf8"), ...meta };
    });
}

export function matches(problem: LabelledProblem, finding: Finding): boolean {
  const rules = RULES_FOR_KIND[problem.kind] ?? "any";
  if (rules !== "any" && !rules.includes(finding.rule)) return false;
  const lines = [problem.line, ...(problem.alsoLines ?? [])];
  return lines.some((line) => Math.abs(line - finding.line) <= 1);
}

export interface FileResult {
  file: LabelledFile;
  detected: string;
  readAsPlan: boolean;
  /** warning and error findings (notices are not counted) */
  findings: Finding[];
  notices: number;
  matchedFindings: Finding[];
  foundMustFix: LabelledProblem[];
  missedMustFix: LabelledProblem[];
}

export type LintFn = (text: string, repoPath: string) => { plan: { isPlan: boolean; format?: { id: string } }; findings: Finding[] };

const defaultLint: LintFn = (text, repoPath) => lintText(text, repoPath, defaultConfig);

export function measureFile(file: LabelledFile, lint: LintFn = defaultLint): FileResult {
  // The file is linted under its path in its own repository: paths are part of format detection.
  const { plan, findings: all } = lint(file.text, file.source.path);
  const findings = all.filter((f) => f.severity !== "notice");
  const matchedFindings = findings.filter((f) => file.problems.some((p) => matches(p, f)));
  const must = file.problems.filter((p) => p.mustFix);
  const foundMustFix = must.filter((p) => all.some((f) => matches(p, f)));
  return {
    file,
    detected: plan.format?.id ?? "-",
    readAsPlan: plan.isPlan,
    findings,
    notices: all.length - findings.length,
    matchedFindings,
    foundMustFix,
    missedMustFix: must.filter((p) => !foundMustFix.includes(p)),
  };
}

export interface Tally {
  files: number;
  findings: number;
  matched: number;
  mustFix: number;
  found: number;
  nonPlanFindings: number;
  formatRight: number;
}

export function tally(results: readonly FileResult[]): Tally {
  const t: Tally = { files: 0, findings: 0, matched: 0, mustFix: 0, found: 0, nonPlanFindings: 0, formatRight: 0 };
  for (const r of results) {
    t.files++;
    t.findings += r.findings.length;
    t.matched += r.matchedFindings.length;
    t.mustFix += r.foundMustFix.length + r.missedMustFix.length;
    t.found += r.foundMustFix.length;
    if (!r.file.isPlan) t.nonPlanFindings += r.findings.length + r.notices;
    if (!r.file.isPlan ? !r.readAsPlan : r.detected === r.file.format) t.formatRight++;
  }
  return t;
}

const pct = (a: number, b: number) => (b === 0 ? "—" : `${((100 * a) / b).toFixed(0)} %`);

/** The per-format table `npm run bench` prints: files, findings, precision, recall, non-plan findings. */
export function formatTable(results: readonly FileResult[]): string {
  const groups = new Map<string, FileResult[]>();
  for (const r of results) {
    const key = r.file.isPlan ? r.file.format : "non-plan";
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const lines = ["| format (labelled) | files | read right | warn+error findings | precision | must-fix found | recall | findings on non-plans |", "|---|---|---|---|---|---|---|---|"];
  const add = (name: string, t: Tally) =>
    lines.push(`| ${name} | ${t.files} | ${t.formatRight}/${t.files} | ${t.findings} | ${pct(t.matched, t.findings)} (${t.matched}/${t.findings}) | ${t.found}/${t.mustFix} | ${pct(t.found, t.mustFix)} | ${t.nonPlanFindings} |`);
  for (const [name, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) add(name, tally(group));
  add("**all**", tally(results));
  return lines.join("\n");
}
