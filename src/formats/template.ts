// The reference template (shared/plan-template.md): every rule applies in full.
import { isConfirmationGate } from "./gate-labels.js";
import type { PlanFormat } from "./types.js";

export const template: PlanFormat = {
  id: "template",
  name: "plan-hygiene template",
  markers: [
    "a `**Confirmation Gate**:` line or `Confirmation Gate` heading (strongest marker of all)",
    "a `## Open Questions (should be empty before starting implementation)` heading",
    "an `# Implementation Plan: …` title with a `**Status:**`, `**Date:**` or `**Author:**` field",
  ],
  detect(e) {
    if (e.labels.some((l) => isConfirmationGate(l.label)) || e.headings.some((h) => isConfirmationGate(h.text))) {
      return { marker: "Confirmation Gate", strength: 3 };
    }
    if (e.headings.some((h) => /^open questions\s*\(should be empty/i.test(h.text))) return { marker: "Open Questions (should be empty …) heading", strength: 1 };
    const keys = new Set(e.labels.map((l) => l.label.toLowerCase()));
    const title = e.headings.find((h) => h.depth === 1)?.text ?? "";
    if (/^implementation plan\s*:/i.test(title) && (keys.has("status") || keys.has("date") || keys.has("author"))) {
      return { marker: "Implementation Plan: title with the template's header fields", strength: 1 };
    }
    return null;
  },
  expects: {
    status: true,
    gates: "required",
    criteria: "required",
    automated: "required",
    templateChangeLog: true,
    sections: ["Overview", "Implementation Phases", "Open Questions"],
    questionsBeforeWork: true,
    sequentialPhases: true,
  },
  isGateLabel: isConfirmationGate,
};
