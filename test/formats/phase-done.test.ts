import { describe, it, expect } from "@jest/globals";
import { configSchema } from "../../src/config/schema.js";
import { decidePhaseDone } from "../../src/commands/decide-phase-done.js";
import { parsePlan } from "../../src/plan/parse.js";
import { splice } from "../../src/edit/splice.js";

// `/plan phase-done N` writes the confirmation where each format expects it: right after the gate
// line it recognised (HumanLayer's Implementation Note, spec-kit's Checkpoint); every other byte kept.

const commands = configSchema.parse({}).commands;
const sha = "abc1234def5678abc1234def5678abc1234def56";

function phaseDone(text: string, path: string, id: string) {
  const plan = parsePlan(text, path);
  const phase = plan.phases.find((p) => p.id === id)!;
  return { plan, decision: decidePhaseDone({ plan, phase, force: false, commands, user: "dana", date: "2026-02-01", headSha: sha, note: "", checks: null }) };
}

const humanlayer = `# Search limits Implementation Plan

## Phase 1: Token bucket

### Success Criteria:

#### Automated Verification:
- [x] Unit tests pass: \`npm test -- bucket\`

#### Manual Verification:
- [ ] Bucket refills at the configured rate

**Implementation Note**: After completing this phase and all automated verification passes, pause here for manual confirmation from the human that the manual testing was successful before proceeding to the next phase.

---

## Phase 2: Wire into search

#### Automated Verification:
- [ ] Integration tests pass
`;

const specKit = `# Tasks: Saved searches

## Phase 1: Setup

- [x] T001 Create the module skeleton
- [x] T002 Configure pytest markers
- [x] T003 Add the migration

**Checkpoint**: Foundation ready - user story work can begin

## Phase 2: User Story 1 - Save a search (Priority: P1)

- [ ] T004 [US1] SavedSearch model
`;

describe("phase-done per format", () => {
  it("HumanLayer: the Implementation Note pause line is the gate; the marker goes right after it", () => {
    const { plan, decision } = phaseDone(humanlayer, "thoughts/shared/plans/search-limits.md", "1");
    expect(plan.format.id).toBe("humanlayer");
    expect(plan.phases[0].gate?.text).toMatch(/^After completing this phase/);
    expect(decision.kind).toBe("edit");
    if (decision.kind !== "edit") return;
    const after = splice(humanlayer, decision.replacements);
    const note = "before proceeding to the next phase.\n";
    expect(after).toBe(
      humanlayer
        .replace("- [ ] Bucket refills at the configured rate", "- [x] Bucket refills at the configured rate")
        .replace(note, `${note}\n✅ Confirmed by @dana on 2026-02-01 at abc1234\n`),
    );
    expect(parsePlan(after, "thoughts/shared/plans/search-limits.md").phases[0].gate?.confirmation?.user).toBe("dana");
  });

  it("spec-kit: the Checkpoint line is the gate; the marker goes right after it", () => {
    const { plan, decision } = phaseDone(specKit, "specs/004-saved-searches/tasks.md", "1");
    expect(plan.format.id).toBe("spec-kit");
    expect(plan.phases[0].gate?.text).toBe("Foundation ready - user story work can begin");
    expect(decision.kind).toBe("edit");
    if (decision.kind !== "edit") return;
    const after = splice(specKit, decision.replacements);
    const line = "**Checkpoint**: Foundation ready - user story work can begin\n";
    expect(after).toBe(specKit.replace(line, `${line}\n✅ Confirmed by @dana on 2026-02-01 at abc1234\n`));
  });

  it("an Implementation Note that asks for no pause is not a gate", () => {
    const plan = parsePlan(humanlayer.replace(/\*\*Implementation Note\*\*: .*\n/, "**Implementation Note**: reuse the existing Redis client.\n"), "thoughts/shared/plans/search-limits.md");
    expect(plan.phases[0].gate).toBeNull();
  });
});
