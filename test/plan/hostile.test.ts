// Inputs that stall or crash micromark must come back as `unparseable` with a reason, never
// throw. (Speed is measured by the bench, not asserted here.)
import { describe, expect, it } from "@jest/globals";
import { parsePlan } from "../../src/plan/parse.js";
import { hostileInputs } from "./hostile-inputs.js";

const hostile = hostileInputs;

describe("hostile input", () => {
  it.each(hostile)("%s → unparseable", (_name, make, reason) => {
    const plan = parsePlan(make(), "plans/x.md");
    expect(plan.unparseable?.reason).toMatch(reason);
    expect(plan.phases).toEqual([]);
    expect(plan.isPlan).toBe(false);
  });

  it("measures the size cap in UTF-8 bytes and honours maxFileSize", () => {
    const text = "é".repeat(600); // 1200 bytes, 600 UTF-16 units
    expect(parsePlan(text, "x.md", { maxFileSize: 1000 }).unparseable?.reason).toMatch(/1200 bytes/);
    expect(parsePlan(text, "x.md", { maxFileSize: 1200 }).unparseable).toBeNull();
  });

  it("keeps code fences out of the paragraph counts", () => {
    const text = "# Plan\n\n```\n" + "a**b\n".repeat(3000) + "```\n";
    expect(parsePlan(text, "x.md").unparseable).toBeNull();
  });

  it("keeps code fences out of the document-wide heading and list counts", () => {
    const text = "# Plan\n\n```md\n" + "## Phase 1: example\n- [ ] x\n".repeat(6000) + "```\n";
    expect(parsePlan(text, "x.md").unparseable).toBeNull();
  });

  it("does not reject ordinary large plans", () => {
    const phase = (n: number) => `## Phase ${n}: Step\n\n**Success Criteria**:\n- **Automated**:\n  - [ ] \`npm test\` passes with **all** _tests_\n\n| a | b |\n|---|---|\n| [x](y) | z |\n\n`;
    const text = "# Implementation Plan: Big\n\n" + Array.from({ length: 400 }, (_, i) => phase(i + 1)).join("");
    const plan = parsePlan(text, "x.md");
    expect(plan.unparseable).toBeNull();
    expect(plan.phases).toHaveLength(400);
    expect(plan.phases[399].criteria.automated).toHaveLength(1);
  });
});
