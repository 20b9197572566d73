import * as core from "@actions/core";
import type { CheckReport } from "../report/check-report.js";

const annotate = { error: core.error, warning: core.warning, notice: core.notice } as const;

/**
 * When no check run could be posted: every finding (and configuration error) as a workflow
 * command (`::error file=…,line=…::…`), which GitHub shows as an annotation on the PR's diff.
 */
export function annotateFindings(report: CheckReport): void {
  for (const problem of report.configErrors) {
    core.error(`${problem.source}: ${problem.key ? `${problem.key}: ` : ""}${problem.message}`, { title: "plan-hygiene configuration", ...(problem.path ? { file: problem.path, startLine: problem.line ?? 1 } : {}) });
  }
  for (const plan of report.plans) {
    for (const f of plan.findings) {
      annotate[f.severity](f.message, {
        title: `plan-hygiene ${f.rule}`,
        file: plan.path,
        startLine: f.line,
        endLine: f.endLine,
        // GitHub ignores columns on annotations that span lines
        ...(f.line === f.endLine ? { startColumn: f.column, endColumn: f.endColumn } : {}),
      });
    }
  }
}
