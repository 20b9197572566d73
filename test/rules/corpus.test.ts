import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../../src/config/schema.js";
import { parsePlan } from "../../src/plan/parse.js";
import { lintPlan } from "../../src/lint/lint-plan.js";
import { rules } from "../../src/rules/index.js";

// Every real plan in the shared corpus: no rule throws, every finding points inside the file,
// and the look-alike non-plans get no findings at all.

const shared = process.env.PLAN_HYGIENE_SHARED ?? path.resolve(process.cwd(), "../shared");
const corpus = path.join(shared, "corpus");
const index = readFileSync(path.join(corpus, "INDEX.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((row) => row.split("\t"))
  .map(([file, , repoPath, , , isPlan]) => ({ file, repoPath, isPlan: isPlan === "yes" }));

const read = (file: string) => readFileSync(path.join(corpus, "files", file), "utf8");
// each file is read under its path in its own repository: paths are part of format detection
const repoPathOf = (file: string) => index.find((e) => e.file === file)?.repoPath ?? file;
const lint = (file: string) => {
  const plan = parsePlan(read(file), repoPathOf(file), { maxFileSize: defaultConfig.plans.maxFileSize });
  return { plan, findings: lintPlan(plan, defaultConfig) };
};

describe("rules on the corpus", () => {
  it("has the corpus", () => {
    expect(index.length).toBeGreaterThan(40);
  });

  for (const { file, isPlan } of index) {
    it(`${file}: no rule throws, findings point inside the file${isPlan ? "" : ", none for a non-plan"}`, () => {
      const { plan, findings } = lint(file);
      for (const rule of rules) expect(() => rule.check(plan, { config: defaultConfig })).not.toThrow();
      expect(findings.filter((f) => f.rule === "internal-error")).toEqual([]);
      const lineCount = plan.text.split(/\r\n|\n|\r/).length;
      for (const f of findings) {
        expect(f.path).toBe(repoPathOf(file));
        expect(f.line).toBeGreaterThanOrEqual(1);
        expect(f.endLine).toBeGreaterThanOrEqual(f.line);
        expect(f.endLine).toBeLessThanOrEqual(lineCount);
        expect(f.column).toBeGreaterThanOrEqual(1);
        if (f.endLine === f.line) expect(f.endColumn).toBeGreaterThanOrEqual(f.column);
        expect(f.message).toMatch(/^Unexpected .+, expected .+: .+/s);
      }
      if (!isPlan) expect(findings).toEqual([]);
    });
  }
});

describe("findings checked by reading the files", () => {
  const lineOf = (text: string, needle: string) => text.split(/\r?\n/).findIndex((l) => l.includes(needle)) + 1;

  it("050: the one 2026-03-26 row among 2026-03-01 rows is out of order, and nothing else in its change log", () => {
    const file = index.find((e) => e.file.startsWith("050-"))!.file;
    const findings = lint(file).findings.filter((f) => f.rule === "change-log");
    expect(findings.map((f) => f.line)).toEqual([lineOf(read(file), "| 2026-03-26 |")]);
    expect(findings[0].message).toContain("out of order");
  });

  it("053: a Version | Date | Changes table is this (generic) plan's own revision history, not a malformed template Change Log", () => {
    const file = index.find((e) => e.file.startsWith("053-"))!.file;
    const { plan, findings } = lint(file);
    expect(plan.format.id).toBe("generic");
    expect(read(file)).toContain("| Version | Date | Changes |");
    expect(findings.filter((f) => f.rule === "change-log")).toEqual([]);
  });

  it("040: a free-text Status in a generic plan is prose, not an unknown template value", () => {
    const file = index.find((e) => e.file.startsWith("040-"))!.file;
    const { plan, findings } = lint(file);
    expect(plan.format.id).toBe("generic");
    expect(plan.status?.value).toMatch(/^Skeleton created/);
    expect(findings.filter((f) => f.rule === "status")).toEqual([]);
  });

  it("035: a TDD spec-kit task list whose `Tests First` phase is unticked while later implementation is ticked", () => {
    const file = index.find((e) => e.file.startsWith("035-"))!.file;
    const findings = lint(file).findings.filter((f) => f.rule === "test-first");
    expect(findings.map((f) => f.line)).toEqual([lineOf(read(file), "**T016**")]);
    expect(findings[0].message).toMatch(/^Unexpected 4 unticked test tasks in Phase 3\.2/);
  });

  it("054: frontmatter `status: draft` while Automated Verification items are ticked", () => {
    const file = index.find((e) => e.file.startsWith("054-"))!.file;
    const findings = lint(file).findings.filter((f) => f.rule === "status");
    expect(findings.map((f) => f.line)).toEqual([lineOf(read(file), "status: draft")]);
    expect(findings[0].message).toMatch(/^Unexpected Status `draft` \(Draft\) with 10 ticked items/);
  });

  it("009: prompt strings inside code-like lines (`query=\"… [issue title keywords]\"`) are not template placeholders", () => {
    const file = index.find((e) => e.file.startsWith("009-"))!.file;
    expect(read(file)).toContain("[issue title keywords]");
    expect(lint(file).findings.filter((f) => f.rule === "template-placeholders")).toEqual([]);
  });

  it("044: Status `implemented` with unticked criteria is reported quoting what the file says", () => {
    const file = index.find((e) => e.file.startsWith("044-"))!.file;
    const findings = lint(file).findings.filter((f) => f.rule === "status");
    expect(findings.map((f) => f.line)).toEqual([lineOf(read(file), "status: implemented")]);
    expect(findings[0].message).toMatch(/^Unexpected Status `implemented` \(Completed\) with \d+ unticked success criteria/);
  });

  it("023: the removed Phase 0 is neither a gap nor missing a gate", () => {
    const file = index.find((e) => e.file.startsWith("023-"))!.file;
    const { plan, findings } = lint(file);
    expect(plan.phases.some((p) => p.removed)).toBe(true);
    expect(findings.filter((f) => f.rule === "phase-numbering")).toEqual([]);
  });
});
