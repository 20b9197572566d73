import { describe, expect, it } from "@jest/globals";
import { parsePlan } from "../../src/plan/parse.js";
import { readShared } from "./shared-dir.js";
import { spanProblems } from "./span-check.js";

describe("the plan template itself", () => {
  const text = readShared("plan-template.md");
  const plan = parsePlan(text, "plans/new-feature.md"); // a copy of the template (the template file itself is no plan)

  it("reads title, fields and status", () => {
    expect(plan.unparseable).toBeNull();
    expect(plan.isPlan).toBe(true);
    expect(plan.title?.text).toBe("[Brief Description]");
    expect(plan.fields.map((f) => [f.key, f.form])).toEqual([["Date", "bold"], ["Author", "bold"], ["Status", "bold"]]);
    expect(plan.status?.value).toBe("Draft | In Review | Approved | In Progress | Completed");
    const v = plan.status!.valueSpan;
    expect(text.slice(v.start.offset, v.end.offset)).toBe("Draft | In Review | Approved | In Progress | Completed");
  });

  it("finds 2 phases with criteria split 4/3 and 1/1, files and template gates", () => {
    expect(plan.phases.map((p) => [p.id, p.title, p.depth])).toEqual([["1", "[Phase Name]", 3], ["2", "[Phase Name]", 3]]);
    const [p1, p2] = plan.phases;
    expect([p1.criteria.automated.length, p1.criteria.manual.length, p1.criteria.other.length]).toEqual([4, 3, 0]);
    expect([p2.criteria.automated.length, p2.criteria.manual.length, p2.criteria.other.length]).toEqual([1, 1, 0]);
    expect(p1.criteria.automated[0].text).toBe("All tests pass (npm test / go test ./...)");
    expect(p1.files.map((f) => f.path)).toEqual(["/path/to/file.ext", "/path/to/another-file.ext"]);
    expect(p1.gate?.form).toBe("bold");
    expect(p1.gate?.text).toBe("[What needs to be verified before moving to Phase 2]");
    expect(p2.gate?.text).toBe("[What needs to be verified before moving to Phase 3]");
    const ts = p1.gate!.textSpan!;
    expect(text.slice(ts.start.offset, ts.end.offset)).toBe("[What needs to be verified before moving to Phase 2]");
    expect(p1.gate?.confirmation).toBeNull();
  });

  it("finds 2 resolved-looking open questions and a 2-row change log", () => {
    expect(plan.openQuestions?.section.heading).toBe("Open Questions (should be empty before starting implementation)");
    expect(plan.openQuestions?.items.map((q) => q.resolved)).toEqual([true, true]);
    expect(plan.openQuestions?.items[0].text).toBe("Question 1 - Resolved: [Answer]");
    const log = plan.changeLog!;
    expect(log.table?.rows.map((r) => [r.date, r.author, r.change])).toEqual([
      ["YYYY-MM-DD", "[Name]", "Initial draft"],
      ["YYYY-MM-DD", "[Name]", "Updated after review feedback"],
    ]);
    expect(log.insertOffset).toBe(text.length);
  });

  it("has consistent positions", () => {
    expect(spanProblems(plan)).toEqual([]);
    expect(plan.checkboxes).toHaveLength(21);
  });
});
