// Gate labels shared by several formats.
import { normalizeHeading } from "../plan/sections.js";

/** The template's `**Confirmation Gate**:` label (any case, emoji or punctuation). */
export function isConfirmationGate(label: string): boolean {
  return normalizeHeading(label) === "confirmation gate";
}
