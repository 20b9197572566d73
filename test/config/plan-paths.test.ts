import { describe, it, expect } from "@jest/globals";
import { isPlanPath, normalizePlanPath } from "../../src/config/plan-paths.js";
import { defaultConfig } from "../../src/config/schema.js";
import { loadConfig } from "../../src/config/load.js";

describe("isPlanPath with the default globs", () => {
  it.each([
    "plan.md",
    "PLAN.md",
    "implementation-plan.md",
    "Implementation-Plan.md",
    "docs/plans/x.md",
    "plans/2026-01-01-auth.md",
    "a/b/plans/c/d.md",
    "thoughts/shared/plans/2026-03-04-thing.md",
    "docs/rollout-plan.md",
    ".github/plans/next.md",
    "./docs/plans/x.md",
  ])("matches %s", (path) => {
    expect(isPlanPath(path, defaultConfig)).toBe(true);
  });

  it.each([
    "README.md",
    "docs/plans/README.md",
    "CHANGELOG.md",
    "plans/CHANGELOG.md",
    "AGENTS.md",
    "CLAUDE.md",
    "node_modules/x/plan.md",
    "a/node_modules/plans/x.md",
    "docs/design.md",
    "plan.txt",
    "plans/diagram.png",
    "notes.md",
    "",
  ])("does not match %s", (path) => {
    expect(isPlanPath(path, defaultConfig)).toBe(false);
  });

  it("is case-sensitive: `PlAn.md` is none of plan/PLAN/Plan", () => {
    expect(isPlanPath("PlAn.md", defaultConfig)).toBe(false);
  });

  it("accepts Windows separators", () => {
    expect(normalizePlanPath("docs\\plans\\x.md")).toBe("docs/plans/x.md");
    expect(isPlanPath("docs\\plans\\x.md", defaultConfig)).toBe(true);
  });
});

describe("isPlanPath with configured globs", () => {
  it("uses include minus exclude from the file", () => {
    const { config, errors } = loadConfig("plans:\n  include: ['design/**/*.md']\n  exclude: ['design/archive/**']\n");
    expect(errors).toEqual([]);
    expect(isPlanPath("design/auth.md", config)).toBe(true);
    expect(isPlanPath("design/archive/old.md", config)).toBe(false);
    expect(isPlanPath("plans/x.md", config)).toBe(false);
  });

  it("an empty exclude list excludes nothing", () => {
    const { config } = loadConfig("plans:\n  exclude: []\n");
    expect(isPlanPath("docs/plans/README.md", config)).toBe(true);
  });
});
