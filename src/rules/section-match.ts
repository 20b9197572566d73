import type { PlanDocument } from "../plan/types.js";
import { normalizeHeading, sectionKindOf } from "../plan/sections.js";

/**
 * Whether the plan has the section `name` (or one of `aliases`), matched the parser's way:
 * the same normalised heading, or a heading of the same known kind ("Questions" is
 * "Open Questions"). Phase headings anywhere stand for the Implementation Phases section.
 */
export function hasSection(plan: PlanDocument, name: string, aliases: readonly string[]): boolean {
  const kind = sectionKindOf(name);
  if (kind === "implementation-phases" && plan.phases.some((phase) => !phase.removed)) return true;
  const names = new Set([name, ...aliases].map(normalizeHeading));
  return plan.sections.some((section) => (kind !== null && section.kind === kind) || names.has(section.normalized));
}
