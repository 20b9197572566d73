import { within } from "../plan/ranges.js";
import type { Checkbox, Phase } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { activePhases, phaseName, quote } from "./phase-name.js";
import { expectsOf } from "./format-expects.js";
import { phaseIdKey } from "../plan/phases.js";
import type { PlanDocument } from "../plan/types.js";
import { declaredDependencies } from "../plan/phase-dependencies.js";
import { maskNonProse } from "./prose-mask.js";

function tickedCriteria(phase: Phase): Checkbox[] {
  const { automated, manual, other } = phase.criteria;
  return [...automated, ...manual, ...other].filter((box) => box.checked).sort((a, b) => a.span.start.offset - b.span.start.offset);
}

export const gateOrder: Rule = {
  id: "gate-order",
  defaultSeverity: "warning",
  description:
    "Phases are done in order: a later phase has no ticked criteria or confirmed gate while an earlier phase's gate is unconfirmed, and no phase is all ticked while a phase it depends on has nothing ticked.",
  check(plan) {
    const reports: RuleReport[] = [...byGates(plan)];
    const reported = new Set(reports.map((r) => r.span.start.line));
    for (const r of [...byDeclaredDependencies(plan), ...byTicks(plan)]) {
      if (reported.has(r.span.start.line)) continue;
      reported.add(r.span.start.line);
      reports.push(r);
    }
    return reports;
  },
};

/**
 * Without gates, order is read from the ticks: a phase whose boxes are all ticked while a phase it
 * depends on has boxes and none ticked. It depends on the phases it names ("Depends on Phase 2");
 * in sequential formats, when it names none, on the nearest earlier phase with boxes.
 */
function byTicks(plan: PlanDocument): RuleReport[] {
  const phases = activePhases(plan);
  const sequential = expectsOf(plan).sequentialPhases;
  const byId = new Map(phases.map((p) => [phaseIdKey(p.id), p]));
  const reports: RuleReport[] = [];
  phases.forEach((phase, i) => {
    const boxes = phase.boxes ?? [];
    if (boxes.length === 0 || !boxes.every((b) => b.checked)) return;
    // a phase that names its dependencies is judged by them (byDeclaredDependencies)
    if ((phase.dependsOn ?? []).some((id) => byId.has(phaseIdKey(id)))) return;
    const previous = phases.slice(0, i).reverse().find((p) => (p.boxes?.length ?? 0) > 0);
    const deps = sequential && previous ? [previous] : [];
    const untouched = deps.find((d) => (d.boxes?.length ?? 0) > 0 && d.boxes!.every((b) => !b.checked) && !d.gate?.confirmation);
    if (!untouched) return;
    const how = `which comes before it`;
    reports.push({
      span: firstLineOf(plan, boxes[0].span),
      message: `Unexpected ${phaseName(phase)} with all ${boxes.length} ${boxes.length === 1 ? "item" : "items"} ticked while ${phaseName(untouched)} (line ${untouched.headingSpan.start.line}), ${how}, has none of its ${untouched.boxes!.length} ticked, expected phases done in order: tick what ${phaseName(untouched)} has done, or untick what ${phaseName(phase)} has not`,
    });
  });
  return reports;
}

/** Gates hold later phases back where gates are confirmed with `/plan phase-done`: template plans, and plans that have a confirmation. */
function byGates(plan: PlanDocument): RuleReport[] {
  if (expectsOf(plan).gates !== "required" && !plan.phases.some((p) => p.gate?.confirmation)) return [];
  {
    const reports: RuleReport[] = [];
    // The first phase (in document order) whose gate exists and is not confirmed yet.
    let blocking: Phase | null = null;
    for (const phase of activePhases(plan)) {
      if (blocking) {
        const ticked = tickedCriteria(phase);
        const confirm = `confirm ${phaseName(blocking)} first (\`/plan phase-done ${blocking.id}\`)`;
        if (phase.gate?.confirmation) {
          reports.push({
            span: firstLineOf(plan, phase.gate.confirmation.span),
            message: `Unexpected confirmed gate in ${phaseName(phase)} while the gate of ${phaseName(blocking)} (line ${blocking.gate!.span.start.line}) is unconfirmed, expected phases confirmed in order: ${confirm} or remove this confirmation`,
          });
        } else if (ticked.length > 0) {
          const count = ticked.length === 1 ? "ticked criterion" : `${ticked.length} ticked criteria`;
          reports.push({
            span: firstLineOf(plan, ticked[0].span),
            message: `Unexpected ${count} in ${phaseName(phase)} (first: ${quote(ticked[0].text, 40)}) while the gate of ${phaseName(blocking)} (line ${blocking.gate!.span.start.line}) is unconfirmed, expected earlier phases confirmed first: ${confirm} or untick them`,
          });
        }
      }
      if (!blocking && phase.gate && !phase.gate.confirmation) blocking = phase;
    }
    return reports;
  }
}

/**
 * A part of the plan (a phase, a `### Task 2.3` section) that says what it depends on and has
 * something ticked while the part it depends on has boxes and none ticked.
 */
function byDeclaredDependencies(plan: PlanDocument): RuleReport[] {
  const masked = maskNonProse(plan.text).masked;
  const sections = plan.sections;
  // the first section named "Phase 2" / "Task 2.3" / "Step 1", by noun and id (built once: linear)
  const byName = new Map<string, (typeof sections)[number]>();
  for (const s of sections) {
    const m = /^[^\p{L}\p{N}]*(phase|task|step)\s+([0-9][0-9A-Za-z.+]*)/iu.exec(s.heading);
    const key = m ? `${m[1].toLowerCase()} ${phaseIdKey(m[2].replace(/\.+$/, ""))}` : null;
    if (key && !byName.has(key)) byName.set(key, s);
  }
  const named = (noun: string, id: string) => byName.get(`${noun} ${phaseIdKey(id)}`);
  const boxesIn = (s: (typeof sections)[number]) => within(plan.checkboxes, s.span.start.offset, s.span.end.offset, (b) => b.span.start.offset);
  const reports: RuleReport[] = [];
  sections.forEach((section, i) => {
    const next = sections[i + 1];
    const ownEnd = next && next.headingSpan.start.offset < section.span.end.offset ? next.headingSpan.start.offset : section.span.end.offset;
    const deps = declaredDependencies(masked.slice(section.headingSpan.end.offset, ownEnd));
    if (deps.length === 0) return;
    const ticked = boxesIn(section).filter((b) => b.checked);
    if (ticked.length === 0) return;
    for (const dep of deps) {
      const target = named(dep.noun, dep.id);
      if (!target || target === section) continue;
      const theirs = boxesIn(target);
      if (theirs.length === 0 || theirs.some((b) => b.checked)) continue;
      if (plan.phases.some((p) => p.headingSpan.start.offset === target.headingSpan.start.offset && p.gate?.confirmation)) continue;
      const noun = `${dep.noun[0].toUpperCase()}${dep.noun.slice(1)} ${dep.id}`;
      reports.push({
        span: firstLineOf(plan, ticked[0].span),
        message: `Unexpected ${ticked.length} ticked ${ticked.length === 1 ? "item" : "items"} in ${quote(section.heading, 40)} while ${noun} (line ${target.headingSpan.start.line}), which it depends on, has none of its ${theirs.length} ticked, expected dependencies done first: tick what ${noun} has done, or untick these`,
      });
      break;
    }
  });
  return reports;
}
