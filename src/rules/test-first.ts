import type { Checkbox, Phase, PlanDocument } from "../plan/types.js";
import type { Rule, RuleReport } from "./types.js";
import { firstLineOf } from "./locate.js";
import { activePhases, phaseName, quote } from "./phase-name.js";
import { maskNonProse } from "./prose-mask.js";

// The plan (its constitution, or spec-kit's own tasks template) asks for tests written first.
const TESTS_FIRST = /\b(?:tests?[- ]first|test[- ]driven|TDD|(?:write|writing) (?:these |the |all )?tests (?:first|before)|tests? (?:MUST|must|should) (?:be written (?:and )?)?(?:fail|FAIL|come first|be written first)|red[- ]green)/;
const TEST_HEADING = /\btests?\b|\btesting\b/i;
const IMPL_HEADING = /\bimplement/i;
const TEST_TASK = /^(?:T\d+\s+)?(?:\[[^\]]*\]\s*)*(?:write |add |create )?(?:(?:failing|unit|integration|contract|e2e|end-to-end|component|api|snapshot|regression)\s+)*tests?\b/i;

function isTestsFirst(plan: PlanDocument): boolean {
  return TESTS_FIRST.test(maskNonProse(plan.text).masked);
}

/** The heading that most closely encloses a box inside its phase, if any. */
function subHeading(plan: PlanDocument, phase: Phase, box: Checkbox): string | null {
  let best: { heading: string; start: number } | null = null;
  const at = box.span.start.offset;
  for (const s of plan.sections) {
    const start = s.span.start.offset;
    if (start <= phase.headingSpan.start.offset || start >= phase.span.end.offset) continue;
    if (start < at && at < s.span.end.offset && (!best || start > best.start)) best = { heading: s.heading, start };
  }
  return best?.heading ?? null;
}

function split(plan: PlanDocument, phase: Phase): { tests: Checkbox[]; implementation: Checkbox[] } {
  const tests: Checkbox[] = [];
  const implementation: Checkbox[] = [];
  for (const box of phase.boxes ?? []) {
    const heading = subHeading(plan, phase, box);
    if (/\bmanual(ly)?\b/i.test(box.text)) {
      continue; // a manual check is verification after the work, not a test written first
    }
    const isTest = heading !== null && TEST_HEADING.test(heading) && !IMPL_HEADING.test(heading) ? true : heading !== null && IMPL_HEADING.test(heading) ? false : TEST_TASK.test(box.text);
    (isTest ? tests : implementation).push(box);
  }
  return { tests, implementation };
}

export const testFirst: Rule = {
  id: "test-first",
  defaultSeverity: "warning",
  description:
    "Where the plan says tests are written first (a spec-kit constitution, TDD), a phase's implementation tasks are not ticked while its test tasks are not.",
  check(plan) {
    if (plan.format.id !== "spec-kit" || !isTestsFirst(plan)) return [];
    const reports: RuleReport[] = [];
    const phases = activePhases(plan);
    phases.forEach((phase, i) => {
      // A phase of tests (`Phase 3.2: Tests First (TDD)`) comes before every later phase's
      // implementation; a user-story phase holds its own tests and implementation.
      const testPhase = TEST_HEADING.test(phase.title) && !IMPL_HEADING.test(phase.title);
      const { tests, implementation } = testPhase ? { tests: (phase.boxes ?? []).filter((b) => !/\bmanual(ly)?\b/i.test(b.text)), implementation: phases.slice(i + 1).flatMap((p) => p.boxes ?? []) } : split(plan, phase);
      const open = tests.filter((b) => !b.checked);
      const done = implementation.filter((b) => b.checked);
      if (open.length === 0 || done.length === 0) return;
      reports.push({
        span: firstLineOf(plan, open[0].span),
        message: `Unexpected ${open.length} unticked test ${open.length === 1 ? "task" : "tasks"} in ${phaseName(phase)} (first: ${quote(open[0].text, 40)}) while ${done.length} ${testPhase ? "implementation tasks of later phases are" : "of its implementation tasks are"} ticked, expected tests written first as this plan asks: write and tick the tests, or untick the implementation tasks they should have preceded`,
      });
    });
    return reports;
  },
};
