import * as core from "@actions/core";
import type { BuiltCheck } from "../core/check-pull-request.js";
import { buildJsonReport, type JsonSummary } from "../report/json.js";

/**
 * The step's outputs from the check this run built: `errors` (findings of severity error plus
 * configuration errors), `warnings`, and `plans`, the CLI's `--format json` document. No check
 * (another event, or nothing to check) → 0, 0 and a document with no files.
 */
export function reportOutputs(built: BuiltCheck | null): JsonSummary {
  const document = buildJsonReport((built?.report.plans ?? []).map((p) => ({ path: p.path, plan: p.plan, findings: p.findings })));
  const configErrors = built?.report.configErrors.length ?? 0;
  core.setOutput("errors", document.summary.errors + configErrors);
  core.setOutput("warnings", document.summary.warnings);
  core.setOutput("plans", JSON.stringify(document));
  return { ...document.summary, errors: document.summary.errors + configErrors };
}
