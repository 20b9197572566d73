// Any other plan (a plain PLAN.md, a phased design doc, plans in other languages): only what the
// plan itself does is asked of it — a phase lacking the gate or criteria its sibling phases have.
import { isConfirmationGate } from "./gate-labels.js";
import { ownConventionFormat } from "./expectations.js";
import type { PlanFormat } from "./types.js";

export const generic: PlanFormat = {
  id: "generic",
  name: "generic",
  markers: ["anything else that reads as a plan (the fallback)"],
  detect: () => ({ marker: "fallback", strength: 1 }),
  expects: ownConventionFormat(),
  isGateLabel: isConfirmationGate,
};
