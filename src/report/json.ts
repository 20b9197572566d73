import type { PlanDocument } from "../plan/types.js";
import type { Finding, Severity } from "../rules/types.js";
import type { RepoView } from "../repo/repo-view.js";
import { phaseNamedPaths, type PathIntent } from "../plan/named-paths.js";

/** One linted file as the CLI reports it. `plan` is null when the file could not be read as a plan at all. */
export interface LintedFile {
  /** relative to where the CLI ran, forward slashes */
  path: string;
  plan: PlanDocument | null;
  findings: Finding[];
  /** what the CLI knew about the repository (for `paths[].exists`); absent = unknown */
  repo?: RepoView | null;
}

/** The stable `--format json` shape (version 1). Documented in the README; change only with a new version. */
export interface JsonReport {
  version: 1;
  files: JsonFile[];
  summary: JsonSummary;
}

export interface JsonFile {
  path: string;
  isPlan: boolean;
  /** why a file that reads like a plan is not one (agent command file, folder README, ADR, retrospective); only when so */
  notPlan?: string;
  plan: JsonPlan | null;
  findings: JsonFinding[];
}

export interface JsonPlan {
  /** the format the plan was read as: `template`, `humanlayer`, `spec-kit`, … (docs/formats.md) */
  format: { id: string; name: string; detectedBy: string; source: "detected" | "config" };
  title: string | null;
  status: string | null;
  phases: JsonPhase[];
  openQuestions: { text: string; line: number; resolved: boolean }[];
  changeLog: { date: string; author: string; change: string; line: number }[];
}

export interface JsonPhase {
  id: string;
  title: string;
  line: number;
  gate: { line: number; text: string; confirmed: boolean } | null;
  criteria: { automated: { total: number; checked: number }; manual: { total: number; checked: number } };
  /** the repository paths the phase's file entries name; `exists` null when unknown */
  paths: { path: string; kind: "file" | "directory" | "glob"; intent: PathIntent; line: number; exists: boolean | null }[];
}

export type JsonFinding = Pick<Finding, "rule" | "severity" | "line" | "column" | "endLine" | "endColumn" | "message">;

export interface JsonSummary {
  files: number;
  plans: number;
  errors: number;
  warnings: number;
  notices: number;
}

export function buildJsonReport(files: readonly LintedFile[]): JsonReport {
  return {
    version: 1,
    files: files.map((file) => {
      const isPlan = file.plan?.isPlan === true;
      const notPlan = file.plan?.notPlan ? { notPlan: file.plan.notPlan } : {};
      return { path: file.path, isPlan, ...notPlan, plan: isPlan && file.plan ? planJson(file.plan, file.repo ?? null) : null, findings: file.findings.map(findingJson) };
    }),
    summary: summarize(files),
  };
}

/** `--format json`: one JSON document and a final newline. */
export function formatJson(files: readonly LintedFile[]): string {
  return `${JSON.stringify(buildJsonReport(files), null, 2)}\n`;
}

export function summarize(files: readonly LintedFile[]): JsonSummary {
  const count = (severity: Severity) => files.reduce((n, file) => n + file.findings.filter((f) => f.severity === severity).length, 0);
  return {
    files: files.length,
    plans: files.filter((file) => file.plan?.isPlan === true).length,
    errors: count("error"),
    warnings: count("warning"),
    notices: count("notice"),
  };
}

function planJson(plan: PlanDocument, repo: RepoView | null): JsonPlan {
  return {
    format: { id: plan.format.id, name: plan.format.name, detectedBy: plan.format.marker, source: plan.format.source },
    title: plan.title?.text ?? null,
    status: plan.status?.value ?? null,
    phases: plan.phases.map((phase) => ({
      id: phase.id,
      title: phase.title,
      line: phase.headingSpan.start.line,
      gate: phase.gate ? { line: phase.gate.span.start.line, text: phase.gate.text, confirmed: phase.gate.confirmation !== null } : null,
      criteria: {
        automated: { total: phase.criteria.automated.length, checked: phase.criteria.automated.filter((c) => c.checked).length },
        manual: { total: phase.criteria.manual.length, checked: phase.criteria.manual.filter((c) => c.checked).length },
      },
      paths: phaseNamedPaths(plan, phase).map((named) => ({
        path: named.path,
        kind: named.kind,
        intent: named.intent,
        line: named.span.start.line,
        exists: repo ? repo.exists(named) : null,
      })),
    })),
    openQuestions: (plan.openQuestions?.items ?? []).map((q) => ({ text: q.text, line: q.span.start.line, resolved: q.resolved })),
    changeLog: (plan.changeLog?.table?.rows ?? []).map((row) => ({ date: row.date, author: row.author, change: row.change, line: row.span.start.line })),
  };
}

function findingJson(finding: Finding): JsonFinding {
  const { rule, severity, line, column, endLine, endColumn, message } = finding;
  return { rule, severity, line, column, endLine, endColumn, message };
}
