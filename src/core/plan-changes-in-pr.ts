import { parsePlan } from "../plan/parse.js";

export interface PlanChanges {
  /** ids of phases whose gate is confirmed after but not before, in document order */
  phasesConfirmed: string[];
  /** set when the Status value differs */
  statusChange: { from: string | null; to: string | null } | null;
}

/** What a pull request did to one plan: its text at the PR's base vs at its head (null = absent). */
export function planChangesInPr(before: string | null, after: string | null, path: string): PlanChanges {
  if (after === null) return { phasesConfirmed: [], statusChange: null };
  const head = parsePlan(after, path);
  const base = before === null ? null : parsePlan(before, path);
  const confirmedBefore = new Set((base?.phases ?? []).filter((p) => p.gate?.confirmation).map((p) => p.id));
  const phasesConfirmed = head.phases.filter((p) => !p.removed && p.gate?.confirmation && !confirmedBefore.has(p.id)).map((p) => p.id);
  const from = base?.status?.value ?? null;
  const to = head.status?.value ?? null;
  const statusChange = base !== null && from !== to ? { from, to } : null;
  return { phasesConfirmed: [...new Set(phasesConfirmed)], statusChange };
}
