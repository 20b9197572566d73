// HumanLayer's create_plan: `## Phase N:`, `### Changes Required:`, `#### Automated Verification:` /
// `#### Manual Verification:`, an `**Implementation Note**: … pause for manual confirmation …`
// line as the phase's gate, `## What We're NOT Doing`; usually no Status, no change log.
import { isConfirmationGate } from "./gate-labels.js";
import { ownConventionFormat } from "./expectations.js";
import type { PlanFormat } from "./types.js";

const VERIFICATION = /^(automated|manual) verification\b/i;
const PAUSE = /\b(pause|stop|wait)\b.*\b(confirm|confirmation|human|manual|approval|verify|proceed)/i;

export const humanlayer: PlanFormat = {
  id: "humanlayer",
  name: "HumanLayer create_plan",
  markers: [
    "`#### Automated Verification:` / `#### Manual Verification:` headings",
    "an `**Implementation Note**:` line asking to pause for manual confirmation",
    "the path `thoughts/shared/plans/…`",
  ],
  detect(e) {
    if (e.headings.some((h) => h.depth >= 3 && VERIFICATION.test(h.text))) return { marker: "Automated/Manual Verification headings", strength: 2 };
    if (e.labels.some((l) => isImplementationNote(l.label, l.value))) return { marker: "Implementation Note pause line", strength: 2 };
    if (/(^|\/)thoughts\/(shared\/)?plans\//.test(e.path)) return { marker: "thoughts/shared/plans/ path", strength: 1 };
    return null;
  },
  expects: ownConventionFormat(),
  isGateLabel: (label, value) => isConfirmationGate(label) || isImplementationNote(label, value),
};

function isImplementationNote(label: string, value: string): boolean {
  return /^implementation note$/i.test(label.trim()) && PAUSE.test(value);
}
