import type { PlanDocument } from "../plan/types.js";
import { splice, type Replacement } from "./splice.js";

export type SetStatusResult = { text: string } | { text: null; reason: string };

/**
 * Sets the plan's Status field to `value`, replacing only the value's bytes. Markup around the
 * value (`**…**`, backticks, YAML quotes) is kept, and a lower-case frontmatter value stays
 * lower-case (`status: completed`).
 */
export function setStatus(plan: PlanDocument, value: string): SetStatusResult {
  const replacement = statusReplacement(plan, value);
  if ("reason" in replacement) return { text: null, reason: replacement.reason };
  return { text: splice(plan.text, [replacement]) };
}

export function statusReplacement(plan: PlanDocument, value: string): Replacement | { reason: string } {
  const status = plan.status;
  if (!status) return { reason: "The plan has no Status field to update." };
  if (status.value.trim().toLowerCase() === value.toLowerCase()) return { reason: `Status is already ${status.value}.` };
  const start = status.valueSpan.start.offset;
  const end = status.valueSpan.end.offset;
  const raw = plan.text.slice(start, end);
  const wrap = /^(\*\*|__|\*|_|`|"|')(.*)\1$/s.exec(raw.trim());
  const core = wrap ? wrap[2] : raw.trim();
  const lower = status.form === "frontmatter" && core === core.toLowerCase();
  const next = lower ? value.toLowerCase() : value;
  const lead = raw.slice(0, raw.length - raw.trimStart().length);
  const trail = raw.slice(raw.trimEnd().length);
  return { start, end, insert: `${lead}${wrap ? wrap[1] + next + wrap[1] : next}${trail}` };
}
