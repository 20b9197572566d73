import type { Checkbox, Phase, PlanDocument } from "../plan/types.js";
import { escapeText } from "./escape-text.js";

/** The `/plan status` reply: per plan, its status, open questions, and each phase's criteria and gate. */
export function formatStatus(plans: readonly PlanDocument[], headSha: string): string {
  if (plans.length === 0) return "This pull request neither changes nor names a plan, so there is no status to show.";
  const parts = [`Plan status at \`${headSha.slice(0, 7)}\`:`];
  for (const plan of plans.slice(0, 20)) parts.push("", ...planStatus(plan));
  if (plans.length > 20) parts.push("", `…and ${plans.length - 20} more plans.`);
  return parts.join("\n");
}

function planStatus(plan: PlanDocument): string[] {
  const head = `**\`${plan.path}\`**${plan.status ? ` — Status: ${escapeText(plan.status.value, 60)}` : ""}`;
  if (plan.unparseable) return [head, "", `Not parsed: ${escapeText(plan.unparseable.reason, 200)}`];
  const open = plan.openQuestions?.items.filter((q) => !q.resolved).length ?? 0;
  const lines = [head, "", open === 0 ? "Open questions: none unresolved." : `Open questions: **${open} unresolved** — resolve them before confirming a phase.`];
  const phases = plan.phases.filter((p) => !p.removed);
  if (phases.length === 0) return [...lines, "", "No phases (`## Phase N: …` headings)."];
  lines.push("", "| Phase | Automated | Manual | Gate |", "| --- | --- | --- | --- |");
  for (const phase of phases.slice(0, 50)) {
    const c = phase.criteria;
    lines.push(`| ${escapeText(phase.id, 12)} ${escapeText(phase.title, 60)} | ${progress(c.automated)} | ${progress(c.manual)} | ${gateState(phase)} |`);
  }
  if (phases.length > 50) lines.push(`| …${phases.length - 50} more | | | |`);
  return lines;
}

function progress(boxes: readonly Checkbox[]): string {
  if (boxes.length === 0) return "—";
  const done = boxes.filter((b) => b.checked).length;
  return `${done}/${boxes.length}${done === boxes.length ? " ✔" : ""}`;
}

function gateState(phase: Phase): string {
  if (phase.gate === null) return "no gate";
  const c = phase.gate.confirmation;
  if (c === null) return "⏳ not confirmed";
  return `✅ ${escapeText(`@${c.user}`, 45)} on ${escapeText(c.date, 10)} at \`${c.sha.slice(0, 7).replace(/[^0-9a-f]/g, "")}\``;
}
