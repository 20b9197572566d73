import type { JsonSummary } from "../report/json.js";
import type { FailOn } from "./inputs.js";

/** The step's failure message per the `fail-on` input (null: the step succeeds). */
export function failureFor(failOn: FailOn, counts: Pick<JsonSummary, "errors" | "warnings" | "plans">): string | null {
  const plans = `${counts.plans} plan${counts.plans === 1 ? "" : "s"}`;
  if (failOn === "never") return null;
  if (counts.errors > 0) return `plan-hygiene: ${counts.errors} error${counts.errors === 1 ? "" : "s"} in ${plans} (fail-on: ${failOn}); see the annotations and the job summary.`;
  if (failOn === "warning" && counts.warnings > 0) return `plan-hygiene: ${counts.warnings} warning${counts.warnings === 1 ? "" : "s"} in ${plans} (fail-on: warning); see the annotations and the job summary.`;
  return null;
}
