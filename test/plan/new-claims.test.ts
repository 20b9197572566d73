import { describe, expect, it } from "@jest/globals";
import { newClaims } from "../../src/plan/new-claims.js";
import { parsePlan } from "../../src/plan/parse.js";

const plan = (phases: string) =>
  parsePlan(
    ["# Implementation Plan: Rate limits", "", "**Status:** In Progress", "", "## Overview", "", "Limits.", "", "## Implementation Phases", "", phases, "", "## Open Questions", "", "None.", ""].join("\n"),
    "docs/plans/limits.md",
  );

const phase = (id: string, title: string, boxes: string[], confirmed = false) =>
  [
    `### Phase ${id}: ${title}`,
    "",
    "**Changes Required**:",
    `1. **File**: \`src/${title.toLowerCase().replace(/\s+/g, "-")}.ts\``,
    "",
    "**Success Criteria**:",
    ...boxes.map((b) => `- ${b}`),
    "",
    "**Confirmation Gate**: It works on staging.",
    ...(confirmed ? ["", "✅ Confirmed by @dana on 2026-11-24 at abc1234"] : []),
    "",
  ].join("\n");

const summary = (base: string, head: string) =>
  newClaims(plan(base), plan(head)).map((c) => ({ phase: c.phase.id, ticked: c.ticked.map((b) => b.text), confirmed: c.confirmed !== null }));

describe("newClaims: what a change ticked and confirmed, matched by phase id", () => {
  it("lists boxes ticked at the head that were unticked at the base", () => {
    const base = phase("1", "Bucket", ["[x] Unit tests pass", "[ ] Load test passes"]) + phase("2", "Headers", ["[ ] Headers sent", "[ ] Docs updated"]);
    const head = phase("1", "Bucket", ["[x] Unit tests pass", "[x] Load test passes"]) + phase("2", "Headers", ["[x] Headers sent", "[ ] Docs updated"]);
    expect(summary(base, head)).toEqual([
      { phase: "1", ticked: ["Load test passes"], confirmed: false },
      { phase: "2", ticked: ["Headers sent"], confirmed: false },
    ]);
  });

  it("lists a gate confirmed at the head but not at the base, and nothing when nothing changed", () => {
    const base = phase("1", "Bucket", ["[x] Unit tests pass"]);
    expect(summary(base, phase("1", "Bucket", ["[x] Unit tests pass"], true))).toEqual([{ phase: "1", ticked: [], confirmed: true }]);
    expect(summary(base, base)).toEqual([]);
    expect(summary(phase("1", "Bucket", ["[x] A"], true), phase("1", "Bucket", ["[x] A"], true))).toEqual([]);
  });

  it("does not count unticking, or a box that is new in the change (it states where things stand)", () => {
    expect(summary(phase("1", "Bucket", ["[x] A"]), phase("1", "Bucket", ["[ ] A"]))).toEqual([]);
    expect(summary(phase("1", "Bucket", ["[ ] A"]), phase("1", "Bucket", ["[ ] A", "[x] B added ticked"]))).toEqual([]);
  });

  it("follows a box reworded as it is ticked (same place, same number of boxes)", () => {
    expect(summary(phase("1", "Bucket", ["[ ] Load test", "[ ] Docs"]), phase("1", "Bucket", ["[x] Load test passes (1k rps)", "[ ] Docs"]))).toEqual([
      { phase: "1", ticked: ["Load test passes (1k rps)"], confirmed: false },
    ]);
  });

  it("matches a renamed phase by its id, and a renumbered phase by its title", () => {
    expect(summary(phase("2", "Headers", ["[ ] Sent"]), phase("2", "Response headers", ["[x] Sent"]))).toEqual([{ phase: "2", ticked: ["Sent"], confirmed: false }]);
    expect(summary(phase("2", "Headers", ["[ ] Sent"]), phase("1", "Setup", ["[ ] X"]) + phase("3", "Headers", ["[x] Sent"]))).toEqual([{ phase: "3", ticked: ["Sent"], confirmed: false }]);
  });

  it("gives a phase that is new in the change no claim, even when it arrives ticked and confirmed", () => {
    expect(summary(phase("1", "Bucket", ["[ ] A"]), phase("1", "Bucket", ["[ ] A"]) + phase("2", "Headers", ["[x] Sent"], true))).toEqual([]);
  });
});
