import type { Config } from "../config/schema.js";
import type { Phase, PlanDocument } from "../plan/types.js";
import { splice, type Replacement } from "../edit/splice.js";
import { tickCriteria } from "../edit/tick-criteria.js";
import { confirmGate } from "../edit/confirm-gate.js";
import { loneCarriageReturnProblem } from "../edit/lone-carriage-return.js";
import type { ChecksVerdict } from "./judge-checks.js";
import { sameId } from "./select-phase.js";

export interface PhaseDoneInput {
  plan: PlanDocument;
  phase: Phase;
  /** `--force` given (and authorised: maintain or higher) */
  force: boolean;
  commands: Config["commands"];
  user: string;
  /** YYYY-MM-DD (UTC) */
  date: string;
  /** the head commit the edit is made on */
  headSha: string;
  note: string;
  /** the check-run verdict for `headSha`; null when not (yet) fetched */
  checks: ChecksVerdict | null;
}

export type PhaseDoneDecision =
  | { kind: "refused"; message: string }
  | { kind: "already"; message: string }
  /** verifyWithChecks is on and Automated criteria are unticked: fetch the checks and decide again */
  | { kind: "needs-checks" }
  | { kind: "edit"; text: string; replacements: Replacement[]; ticked: number; verifiedByChecks: boolean };

const MAX_NOTE = 200;

/** The preconditions of `/plan phase-done` and, when they hold, the edited plan text. Pure. */
export function decidePhaseDone(input: PhaseDoneInput): PhaseDoneDecision {
  const { plan, phase, commands } = input;
  const name = `Phase \`${phase.id.replace(/`/g, "'")}\` of \`${plan.path}\``;
  const gate = phase.gate;
  if (gate === null) {
    return { kind: "refused", message: `${name} has no Confirmation Gate, so there is nothing to confirm. Add a \`**Confirmation Gate**: …\` line to the phase saying what must be verified.` };
  }
  if (gate.confirmation !== null) {
    const c = gate.confirmation;
    return { kind: "already", message: `${name} is already confirmed (by \`@${c.user}\` on ${c.date} at ${c.sha.slice(0, 7)}); nothing changed. Use \`/plan phase-reopen ${phase.id}\` first to confirm it again.` };
  }
  const open = plan.openQuestions?.items.filter((q) => !q.resolved) ?? [];
  if (open.length > 0) {
    const lines = open.slice(0, 5).map((q) => `line ${q.span.start.line}`).join(", ");
    return { kind: "refused", message: `\`${plan.path}\` has ${open.length} unresolved open question${open.length === 1 ? "" : "s"} (${lines}${open.length > 5 ? ", …" : ""}). Resolve them (tick them or move the answer into the plan) before confirming a phase.` };
  }
  if (commands.requireOrder && !input.force) {
    const pending = earlierUnconfirmed(plan, phase);
    if (pending.length > 0) {
      const ids = pending.map((p) => `\`${p.id.replace(/`/g, "'")}\``).join(", ");
      return { kind: "refused", message: `Earlier phase${pending.length === 1 ? "" : "s"} ${ids} of \`${plan.path}\` ${pending.length === 1 ? "is" : "are"} not confirmed yet. Confirm ${pending.length === 1 ? "it" : "them"} first, or (maintain permission) add \`--force\`.` };
    }
  }
  const lineBreaks = loneCarriageReturnProblem(plan.text, plan.path);
  if (lineBreaks !== null) return { kind: "refused", message: lineBreaks };
  const automatedOpen = phase.criteria.automated.filter((b) => !b.checked);
  let verifiedByChecks = false;
  if (automatedOpen.length > 0) {
    if (!commands.verifyWithChecks) {
      return { kind: "refused", message: `${name} has ${automatedOpen.length} unticked Automated criteri${automatedOpen.length === 1 ? "on" : "a"} (${automatedOpen.map((b) => `line ${b.span.start.line}`).slice(0, 5).join(", ")}). Tick them once they pass, or enable \`commands.verifyWithChecks\` to let green checks vouch for them.` };
    }
    if (input.checks === null) return { kind: "needs-checks" };
    if (!input.checks.ok) return { kind: "refused", message: input.checks.message };
    verifiedByChecks = true;
  }
  const note = [verifiedByChecks ? "Automated criteria verified by checks" : "", cleanNote(input.note)].filter(Boolean).join("; ");
  const replacements = [
    ...tickCriteria(plan.text, phase.criteria.manual),
    ...(verifiedByChecks ? tickCriteria(plan.text, automatedOpen) : []),
    confirmGate(plan, gate, { user: input.user, date: input.date, sha: input.headSha, note }),
  ];
  return { kind: "edit", text: splice(plan.text, replacements), replacements, ticked: replacements.length - 1, verifiedByChecks };
}

/** Earlier phases (document order) that have a gate and are not confirmed; phases without a gate cannot be confirmed and are not waited for. */
export function earlierUnconfirmed(plan: PlanDocument, phase: Phase): Phase[] {
  return plan.phases.filter(
    (p) => p.headingSpan.start.offset < phase.headingSpan.start.offset && !p.removed && p.gate !== null && p.gate.confirmation === null && !sameId(p.id, phase.id),
  );
}

/** One line, no control characters, bounded: the note lands in the plan file. */
export function cleanNote(note: string): string {
  const flat = note.replace(/[\u0000-\u001f\u007f]+/g, " ").replace(/\s+/g, " ").trim();
  const points = Array.from(flat); // code points: a cut never leaves half an emoji (a lone surrogate) in the file
  return points.length > MAX_NOTE ? `${points.slice(0, MAX_NOTE - 1).join("")}…` : flat;
}
