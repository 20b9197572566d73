import { phaseIdKey } from "./phases.js";
import type { Phase, PlanDocument } from "./types.js";

/** The phase with `id` (case-insensitive, zero padding ignored: "2b" finds "02B"), or null. */
export function findPhase(plan: Pick<PlanDocument, "phases">, id: string): Phase | null {
  const key = phaseIdKey(id.trim().replace(/^phase\s*/i, ""));
  return plan.phases.find((p) => phaseIdKey(p.id) === key) ?? null;
}
