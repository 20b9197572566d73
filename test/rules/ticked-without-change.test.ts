import { describe, expect, it } from "@jest/globals";
import { parsePlan } from "../../src/plan/parse.js";
import { tickedWithoutChangeFindings } from "../../src/rules/ticked-without-change-findings.js";

const PATH = "docs/plans/limits.md";
const text = (phase2Boxes: string, gate2 = "") =>
  [
    "# Implementation Plan: Rate limits",
    "",
    "**Status:** In Progress",
    "",
    "## Implementation Phases",
    "",
    "### Phase 1: Bucket",
    "",
    "**Changes Required**:",
    "1. **File**: `src/bucket.ts`",
    "",
    "**Success Criteria**:",
    "- [x] Bucket tests pass",
    "",
    "**Confirmation Gate**: Refills under load.",
    "",
    "### Phase 2: Headers",
    "",
    "**Changes Required**:",
    "1. **File**: `src/a.ts:12-40`",
    "2. **File**: `./src/b.ts`",
    "3. **File**: `src/headers/`",
    "",
    "**Success Criteria**:",
    phase2Boxes,
    "",
    "**Confirmation Gate**: Headers on every response.",
    gate2,
    "",
    "## Open Questions",
    "",
    "None.",
    "",
  ].join("\n");

const BASE = parsePlan(text("- [ ] Header tests pass\n- [ ] Docs list the headers"), PATH);
const TICKED = parsePlan(text("- [x] Header tests pass\n- [x] Docs list the headers"), PATH);
const notices = (changed: string[], head = TICKED, base = BASE) => tickedWithoutChangeFindings(base, head, changed);

describe("ticked-without-change: ticked in the PR, none of the phase's files changed", () => {
  it("is a notice on the first newly ticked line, naming the phase's files", () => {
    const [finding, ...rest] = notices([PATH, "src/bucket.ts", "README.md"]);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: "ticked-without-change", severity: "notice", path: PATH, line: 25, endLine: 25, column: 1 });
    expect(finding!.message).toMatch(/^Ticked in this PR \(lines 25, 26\), but none of Phase 2's files changed here: `src\/a\.ts`, `src\/b\.ts`, `src\/headers\/`\. Expected/);
    expect(finding!.message).toMatch(/ignore this notice .* otherwise add the change, correct the paths in the plan, or untick the boxes\.$/);
  });

  it("is silent when the PR changes one of the files, or any file under a named directory", () => {
    expect(notices(["src/b.ts"])).toEqual([]);
    expect(notices(["src/a.ts"])).toEqual([]);
    expect(notices(["src/headers/x/y.ts"])).toEqual([]);
  });

  it("matches exactly and case-sensitively; paths relative to the plan's folder count too", () => {
    expect(notices(["SRC/a.ts", "lib/src/a.tsx"])).toHaveLength(1);
    expect(notices(["docs/plans/src/a.ts"])).toEqual([]);
  });

  it("reports a gate confirmed in the PR, and nothing for a phase that names no file or was already ticked", () => {
    const confirmed = parsePlan(text("- [ ] Header tests pass\n- [ ] Docs list the headers", "\n✅ Confirmed by @dana on 2026-11-24 at abc1234"), PATH);
    const [finding] = notices([], confirmed);
    expect(finding!.message).toMatch(/^Confirmed in this PR \(gate line 30\), but none of Phase 2's files/);
    expect(finding!.line).toBe(30);
    expect(finding!.message).toMatch(/or `\/plan phase-reopen 2`\.$/);
    expect(notices([], TICKED, TICKED)).toEqual([]);
    const noFiles = (boxes: string) => parsePlan(text(boxes).replace(/^\d\. \*\*File\*\*.*$/gm, ""), PATH);
    expect(notices([], noFiles("- [x] A"), noFiles("- [ ] A"))).toEqual([]);
  });
});
