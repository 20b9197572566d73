import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";
import { sharedDir } from "../plan/shared-dir.js";

// What a team that installs the app sees on a plan written with care: nothing. The fixture is
// the shared plan template filled in section by section (our own text), one phase confirmed
// by `/plan phase-done`, the next one under way.

const fixture = path.resolve(process.cwd(), "test/fixtures/rules/filled-in-template.md");
const templateHeadings = readFileSync(path.join(sharedDir, "plan-template.md"), "utf8")
  .split("\n")
  .filter((line) => /^#{2,3} /.test(line) && !/Phase|Finding \d/.test(line));

describe("a carefully filled-in template", () => {
  const text = readFileSync(fixture, "utf8");
  const { plan, findings } = lintText(text, "plans/export-rate-limit.md", defaultConfig);

  it("keeps every section heading of the template", () => {
    for (const heading of templateHeadings) expect(text.split("\n")).toContain(heading);
  });

  it("is read as the plan it is: two phases, the first confirmed, status In Progress", () => {
    expect(plan.isPlan).toBe(true);
    expect(plan.status?.value).toBe("In Progress");
    expect(plan.phases.map((p) => [p.id, p.gate !== null, p.gate?.confirmation?.user ?? null])).toEqual([
      ["1", true, "priya-raman"],
      ["2", true, null],
    ]);
    expect(plan.openQuestions?.items.map((q) => q.resolved)).toEqual([true, true]);
    expect(plan.changeLog?.table?.rows).toHaveLength(3);
  });

  it("gets no finding from any rule", () => {
    expect(findings).toEqual([]);
  });
});

describe("documents that are not plans, or only design notes", () => {
  const files = readdirSync(path.join(sharedDir, "corpus", "files"));
  // 047-049: look-alike non-plans; 001, 003, 005, 006, 008: design documents without phases.
  const quiet = files.filter((f) => /^(04[789]|00[13568])-/.test(f)).sort();

  it("are all in the corpus", () => {
    expect(quiet.map((f) => f.slice(0, 3))).toEqual(["001", "003", "005", "006", "008", "047", "048", "049"]);
  });

  it.each(quiet)("%s gets no finding", (file) => {
    const { findings } = lintText(readFileSync(path.join(sharedDir, "corpus", "files", file), "utf8"), file, defaultConfig);
    expect(findings).toEqual([]);
  });
});
