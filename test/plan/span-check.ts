// Asserts every span in a parsed plan is consistent with its text (used by several tests).
import { createLineIndex } from "../../src/plan/positions.js";
import type { PlanDocument, Span } from "../../src/plan/types.js";

/** All spans of a plan with a label saying where they came from. */
export function allSpans(plan: PlanDocument): [string, Span][] {
  const out: [string, Span][] = [];
  if (plan.title) out.push(["title", plan.title.span]);
  for (const f of plan.fields) out.push([`field ${f.key}`, f.span], [`field ${f.key} value`, f.valueSpan]);
  for (const s of plan.sections) out.push([`section ${s.heading} heading`, s.headingSpan], [`section ${s.heading}`, s.span]);
  for (const p of [...plan.phases, ...(plan.duplicatePhases ?? [])]) {
    out.push([`phase ${p.id} heading`, p.headingSpan], [`phase ${p.id}`, p.span]);
    for (const f of p.files) out.push([`phase ${p.id} file`, f.span]);
    if (p.criteria.span) out.push([`phase ${p.id} criteria`, p.criteria.span]);
    if (p.gate) {
      out.push([`phase ${p.id} gate`, p.gate.span]);
      if (p.gate.textSpan) out.push([`phase ${p.id} gate text`, p.gate.textSpan]);
      if (p.gate.confirmation) out.push([`phase ${p.id} confirmation`, p.gate.confirmation.span]);
    }
  }
  for (const q of plan.openQuestions?.items ?? []) out.push([`question ${q.text}`, q.span]);
  for (const r of plan.changeLog?.table?.rows ?? []) out.push([`change-log row`, r.span]);
  for (const b of plan.checkboxes) out.push([`checkbox ${b.text}`, b.span]);
  return out;
}

/** Problems found (empty when consistent): line/column agree with offsets, start ≤ end. */
export function spanProblems(plan: PlanDocument): string[] {
  const index = createLineIndex(plan.text);
  const problems: string[] = [];
  for (const [what, span] of allSpans(plan)) {
    for (const pos of [span.start, span.end]) {
      const expected = index.positionAt(pos.offset);
      if (expected.line !== pos.line || expected.column !== pos.column || expected.offset !== pos.offset) {
        problems.push(`${what}: ${JSON.stringify(pos)} but offset ${pos.offset} is ${expected.line}:${expected.column}`);
      }
    }
    if (span.start.offset > span.end.offset || span.end.offset > plan.text.length) problems.push(`${what}: bad range ${span.start.offset}-${span.end.offset}`);
  }
  for (const s of plan.sections) {
    const src = plan.text.slice(s.headingSpan.start.offset, s.headingSpan.end.offset);
    if (!src.startsWith("#") && !/\n[ \t]*(=+|-+)[ \t]*$/.test(src.replace(/\r\n?/g, "\n"))) problems.push(`heading ${JSON.stringify(src)} does not start with #`);
  }
  for (const b of plan.checkboxes) {
    const t = plan.text;
    if (!/[ xX]/.test(t[b.markOffset]) || t[b.markOffset - 1] !== "[" || t[b.markOffset + 1] !== "]") problems.push(`checkbox ${b.text}: mark offset ${b.markOffset} is not inside [ ]`);
    if (b.checked !== (t[b.markOffset] !== " ")) problems.push(`checkbox ${b.text}: checked ${b.checked} but mark ${JSON.stringify(t[b.markOffset])}`);
  }
  return problems;
}
