import { describe, expect, it } from "@jest/globals";
import { renderChangelogChange, type MergeFacts } from "../../src/edit/render-changelog-change.js";

const facts: MergeFacts = { pr: 42, title: "  Add retry budget ", author: "kim", phasesConfirmed: [], statusChange: null };

describe("renderChangelogChange", () => {
  it("fills the default template", () => {
    expect(renderChangelogChange("{pr} {title}{details}", facts)).toBe("#42 Add retry budget");
    expect(renderChangelogChange("{pr} {title}{details}", { ...facts, phasesConfirmed: ["1A"] })).toBe("#42 Add retry budget — Phase 1A confirmed");
    expect(renderChangelogChange("{pr} {title}{details}", { ...facts, phasesConfirmed: ["1", "2"], statusChange: { from: "Approved", to: "Completed" } })).toBe(
      "#42 Add retry budget — Phases 1, 2 confirmed; Status Approved → Completed",
    );
    expect(renderChangelogChange("{pr} {title}{details}", { ...facts, statusChange: { from: null, to: "Draft" } })).toBe("#42 Add retry budget — Status (none) → Draft");
  });

  it("always names the PR, so a re-run can find the row", () => {
    expect(renderChangelogChange("{title} by {author}", facts)).toBe("Add retry budget by @kim (#42)");
    expect(renderChangelogChange("Merged", facts)).toBe("Merged (#42)");
    expect(renderChangelogChange("{title} (#420)", facts)).toBe("Add retry budget (#420) (#42)");
  });

  it("leaves unknown placeholders as written", () => {
    expect(renderChangelogChange("{pr} {unknown}", facts)).toBe("#42 {unknown}");
  });
});
