// Which format a plan is written in: the strongest marker wins, ties go to the earlier format in
// `formats`; `generic` when nothing matches. A configured format (plans.format / plans.formats) wins.
import { formatById, formats } from "./index.js";
import type { FormatEvidence, FormatId, PlanFormatInfo } from "./types.js";

export function detectFormat(evidence: FormatEvidence, configured?: FormatId): PlanFormatInfo {
  if (configured) return { id: configured, name: formatById(configured).name, marker: "configured", source: "config" };
  let best: PlanFormatInfo | null = null;
  let strength = 0;
  for (const format of formats) {
    const match = format.detect(evidence);
    if (match && match.strength > strength) {
      best = { id: format.id, name: format.name, marker: match.marker, source: "detected" };
      strength = match.strength;
    }
  }
  return best!;
}
