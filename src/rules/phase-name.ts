import type { Phase, PlanDocument } from "../plan/types.js";

/** "Phase 1A" (or "Task 3" in a superpowers plan) — how messages name a phase. */
export function phaseName(phase: Phase): string {
  return `${phase.noun ?? "Phase"} ${phase.id}`;
}

/** Phases that count: a struck-through `~~Phase 0~~ (REMOVED)` heading is history, not work. */
export function activePhases(plan: PlanDocument): Phase[] {
  return plan.phases.filter((phase) => !phase.removed);
}

/** Quote user text in a message, shortened, inside backticks that cannot break. */
export function quote(text: string, max = 60): string {
  const oneLine = visibleText(text).replace(/\s+/g, " ").trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
  return `\`${short.replace(/`/g, "'")}\``;
}

/** Text as a reader sees it: HTML comments never count (the parser may keep inline ones in values). */
export function visibleText(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, "").trim();
}
