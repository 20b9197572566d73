import type { PlanDocument } from "../plan/types.js";
import { visibleText } from "./phase-name.js";
import { normalizeStatus, STATUS_RANK, type PlanStatus } from "./status-value.js";

/** The plan's canonical status, or null when it has none or an unknown value. */
export function planStatus(plan: PlanDocument): PlanStatus | null {
  return plan.status ? normalizeStatus(visibleText(plan.status.value)) : null;
}

/** Approved, In Progress or Completed: the plan is being (or has been) implemented. */
export function isApprovedOrLater(plan: PlanDocument): boolean {
  const status = planStatus(plan);
  return status !== null && STATUS_RANK[status] >= STATUS_RANK.approved;
}

/** Findings that are fine in a draft but not in an approved plan: error once approved, else warning. */
export function severityByStatus(plan: PlanDocument): "error" | "warning" {
  return isApprovedOrLater(plan) ? "error" : "warning";
}
