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
  .map(([file, , , , , isPlan]) => ({ file, isPlan: isPlan === "yes" }));

const read = (file: string) => readFileSync(path.join(corpus, "files", file), "utf8");
const lint = (file: string) => {
  const plan = parsePlan(read(file), file, { maxFileSize: defaultConfig.plans.maxFileSize });
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
        expect(f.path).toBe(file);
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

  it("053: a Version | Date | Changes table has no Author column", () => {
    const file = index.find((e) => e.file.startsWith("053-"))!.file;
    const findings = lint(file).findings.filter((f) => f.rule === "change-log");
    expect(findings.map((f) => f.line)).toEqual([lineOf(read(file), "| Version | Date | Changes |")]);
    expect(findings[0].message).toContain("`Author` column");
  });

  it("040: a free-text Status is an unknown value", () => {
    const file = index.find((e) => e.file.startsWith("040-"))!.file;
    const findings = lint(file).findings.filter((f) => f.rule === "status");
    expect(findings.map((f) => f.line)).toEqual([lineOf(read(file), "**Status:** Skeleton created")]);
    expect(findings[0].message).toMatch(/^Unexpected Status `Skeleton created/);
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
