import { describe, expect, it } from "@jest/globals";
import { findPhase } from "../../src/plan/find-phase.js";
import { parsePlan } from "../../src/plan/parse.js";

const phasesOf = (md: string) => parsePlan(md, "plan.md").phases.map((p) => [p.id, p.title]);

describe("phase headings", () => {
  it.each([
    ["## Phase 1: Setup", "1", "Setup"],
    ["### Phase 0 — Spec Refinement", "0", "Spec Refinement"],
    ["### Phase 2 – En dash", "2", "En dash"],
    ["## Phase 3 - Hyphen", "3", "Hyphen"],
    ["## Phase 4. Dot", "4", "Dot"],
    ["## Phase 0 Output → research.md", "0", "Output → research.md"],
    ["## Phase 5 → Arrow", "5", "Arrow"],
    ["## Phase 2 Review", "2", "Review"],
    ["## Phase 1A: HealthKit (PARALLEL with 1B)", "1A", "HealthKit (PARALLEL with 1B)"],
    ["## Phase 02b: Repo Triage", "02b", "Repo Triage"],
    ["### Phase 1.5: Half", "1.5", "Half"],
    ["### Phase 3.10: Tenth", "3.10", "Tenth"],
    ["## Phase 3+: Future Implementation", "3+", "Future Implementation"],
    ["#### Phase 8A: Deep", "8A", "Deep"],
    ["## **Phase 6: Bold**", "6", "Bold"],
    ["## *Phase 7*: Emphasis", "7", "Emphasis"],
    ["### Phase 1: 开发完成 ✅", "1", "开发完成 ✅"],
    ["## Phase 0: Validate `updatedInput` — COMPLETE", "0", "Validate updatedInput — COMPLETE"],
    ["## ✅ Phase 9: Emoji first", "9", "Emoji first"],
    ["## 阶段1: 搭建环境", "1", "搭建环境"],
    ["##### Phase 1", "1", ""],
  ])("%s → id %s", (heading, id, title) => {
    expect(phasesOf(`# Plan\n\n${heading}\n\ntext\n`)).toEqual([[id, title]]);
  });

  it.each([
    "### Success Criteria - Phase 2",
    "#### Phase completion",
    "### Integration with Phase 03",
    "### Unit Tests (included in Phases 1-4)",
    "## Chunk 3: Skill Updates — Phase 1 (Registry)",
    "### 2.1 Phase 1-7完了事項",
    "## Phase 1-7 summary",
    "## Phases",
    "### 阶段依赖关系",
    "## Phase Validation Gate (Mandatory)",
  ])("%s is not a phase", (heading) => {
    expect(phasesOf(`# Plan\n\n${heading}\n\ntext\n`)).toEqual([]);
  });

  it("marks a struck-through phase as removed", () => {
    const plan = parsePlan("# P\n\n## ~~Phase 0: Emulator Setup~~ (REMOVED)\n\nx\n\n## Phase 1: Real\n", "p.md");
    expect(plan.phases.map((p) => [p.id, p.removed, p.title])).toEqual([["0", true, "Emulator Setup (REMOVED)"], ["1", false, "Real"]]);
    expect(plan.isPlan).toBe(true);
  });

  it("treats a lone H1 'Phase …' as the title, several H1 phases as phases", () => {
    expect(phasesOf("# Phase 8 Spec\n\n## Week 1\n")).toEqual([]);
    expect(parsePlan("# Phase 8 Spec\n", "x.md").title?.text).toBe("Phase 8 Spec");
    expect(phasesOf("# Phase 1: A\n\nx\n\n# Phase 2: B\n")).toEqual([["1", "A"], ["2", "B"]]);
  });

  it("ignores phase headings in code fences, indented code and HTML comments", () => {
    const md = "# P\n\n```md\n## Phase 1: fenced\n```\n\n    ## Phase 2: indented\n\n<!--\n## Phase 3: comment\n-->\n\n## Phase 4: real\n";
    expect(phasesOf(md)).toEqual([["4", "real"]]);
  });

  it("ends a phase at the next heading of the same or higher level or the next phase heading", () => {
    const md = "# P\n\n## Phase 1: A\n\n### Detail\n\ntext\n\n### Phase 1a: Sub\n\nsub\n\n## Other\n\nafter\n";
    const plan = parsePlan(md, "p.md");
    const [p1, p1a] = plan.phases;
    expect(md.slice(p1.span.start.offset, p1.span.end.offset)).toBe("## Phase 1: A\n\n### Detail\n\ntext\n\n");
    expect(md.slice(p1a.span.start.offset, p1a.span.end.offset)).toBe("### Phase 1a: Sub\n\nsub\n\n");
  });

  it("keeps the detailed set when a summary repeats the ids (documented choice)", () => {
    const md = [
      "# P", "", "## Summary", "", "### Phase 1: A", "short", "### Phase 2: B", "short", "",
      "## Implementation Phases", "", "### Phase 1: A", "", "long text ".repeat(30), "", "### Phase 2: B", "", "long text ".repeat(30), "",
    ].join("\n");
    const plan = parsePlan(md, "p.md");
    expect(plan.phases.map((p) => [p.id, p.headingSpan.start.line])).toEqual([["1", 12], ["2", 16]]);
    expect(plan.duplicatePhases?.map((p) => [p.id, p.headingSpan.start.line])).toEqual([["1", 5], ["2", 7]]);
  });

  it("keeps a repeated id inside one group so the numbering rule can see it", () => {
    const plan = parsePlan("# P\n\n## Phase 1: A\n\n## Phase 2: B\n\n## Phase 2: C\n", "p.md");
    expect(plan.phases.map((p) => p.title)).toEqual(["A", "B", "C"]);
    expect(plan.duplicatePhases).toEqual([]);
  });

  it("findPhase matches case-insensitively and ignores zero padding", () => {
    const plan = parsePlan("# P\n\n## Phase 02B: x\n\n## Phase 3.10: y\n", "p.md");
    expect(findPhase(plan, "2b")?.id).toBe("02B");
    expect(findPhase(plan, "Phase 02b")?.id).toBe("02B");
    expect(findPhase(plan, "3.10")?.id).toBe("3.10");
    expect(findPhase(plan, "3.1")).toBeNull();
    expect(findPhase(plan, "4")).toBeNull();
  });
});

describe("headings that only mention a phase", () => {
  it("are not phases: `### Phase 1 Verification` inside Phase 1, `### Phase 2 검증` under a criteria section; `### Phase 3: Testing` is one", () => {
    const text = "# P\n\n## Phase 1: A\n\n- [ ] x\n\n### Phase 1 Verification\n\n- [ ] y\n\n## Phase 2: B\n\n## Phase 3: Wrap up\n\n### Phase 3: Testing\n\n## Success Criteria\n\n### Phase 2 검증\n\n- [ ] z\n";
    const plan = parsePlan(text, "x.md");
    expect(plan.phases.map((p) => `${p.id} ${p.title}`)).toEqual(["1 A", "2 B", "3 Wrap up"]);
    expect(plan.phases[0].boxes?.map((b) => b.text)).toEqual(["x", "y"]);
  });
});
