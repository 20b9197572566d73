import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { appendChangelogRow } from "../../src/edit/append-changelog-row.js";
import { findChangelogRow } from "../../src/edit/find-changelog-row.js";
import { recordMergeInPlan } from "../../src/edit/record-merge-in-plan.js";
import { parsePlan } from "../../src/plan/parse.js";

// Every fixture `<case>.input.md` + `<case>.expected.md` under test/fixtures/changelog is run in
// four encodings derived from the LF file: as is, CRLF, with a BOM, without a final newline (and
// all three at once). The expected bytes are derived the same way, so the one inserted row must
// follow the file's conventions exactly and leave every other byte alone.

const DIR = path.resolve(process.cwd(), "test/fixtures/changelog");
const ROW = { date: "2026-03-05", author: "@mona", change: "#42 Add retry budget — Phase 1 confirmed" };
const cases = readdirSync(DIR)
  .filter((f) => f.endsWith(".expected.md"))
  .map((f) => f.replace(/\.expected\.md$/, ""));

const variants: Record<string, (text: string) => string> = {
  lf: (t) => t,
  crlf: (t) => t.replace(/\n/g, "\r\n"),
  bom: (t) => `\uFEFF${t}`,
  "no-final-newline": (t) => t.replace(/\n$/, ""),
  "crlf+bom+no-final-newline": (t) => `\uFEFF${t.replace(/\n$/, "").replace(/\n/g, "\r\n")}`,
};

/** `after` is `before` with exactly one contiguous insertion; returns the inserted text. */
function insertion(before: string, after: string): string {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  expect(p + s).toBe(before.length);
  return after.slice(p, after.length - s);
}

describe("appendChangelogRow", () => {
  it("has fixtures", () => expect(cases.length).toBeGreaterThanOrEqual(9));

  for (const name of cases) {
    for (const [variant, encode] of Object.entries(variants)) {
      it(`${name} (${variant})`, () => {
        const input = encode(readFileSync(path.join(DIR, `${name}.input.md`), "utf8"));
        const expected = encode(readFileSync(path.join(DIR, `${name}.expected.md`), "utf8"));
        const result = appendChangelogRow(parsePlan(input, `docs/plans/${name}.md`), ROW);
        expect(result.text).toBe(expected);
        const added = insertion(input, result.text as string); // one contiguous insertion
        if (variant.includes("crlf")) expect(added.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
        else expect(added).not.toContain("\r");
        // the row is read back as the last-added row of the Change Log table
        const after = parsePlan(result.text as string, "x.md");
        expect(findChangelogRow(after, 42)?.cells).toContain("#42 Add retry budget — Phase 1 confirmed");
      });
    }
  }

  it("refuses, with a reason, when the row would land inside an unclosed code fence", () => {
    const input = readFileSync(path.join(DIR, "unclosed-fence.input.md"), "utf8");
    const result = appendChangelogRow(parsePlan(input, "p.md"), ROW);
    expect(result.text).toBeNull();
    expect((result as { reason: string }).reason).toMatch(/unclosed code fence/);
  });

  it("escapes the cells: a title with pipes, backticks and line breaks stays one row of three cells", () => {
    const input = readFileSync(path.join(DIR, "table-at-end.input.md"), "utf8");
    const change = "#43 Fix `a|b`\nsplit | and a stray ` tick";
    const result = appendChangelogRow(parsePlan(input, "p.md"), { ...ROW, change });
    const added = insertion(input, result.text as string);
    expect(added).toBe("| 2026-03-05 | @mona | #43 Fix `a\\|b` split \\| and a stray \\` tick |\n");
    const rows = parsePlan(result.text as string, "p.md").changeLog?.table?.rows ?? [];
    expect(rows).toHaveLength(2);
    expect(rows[1].cells).toHaveLength(3);
  });

  it("caps a very long title", () => {
    const input = readFileSync(path.join(DIR, "empty-table.input.md"), "utf8");
    const result = appendChangelogRow(parsePlan(input, "p.md"), { ...ROW, change: `#44 ${"y".repeat(300)}` });
    const row = parsePlan(result.text as string, "p.md").changeLog?.table?.rows[0];
    expect(Array.from(row?.change ?? "")).toHaveLength(200);
    expect(row?.change.endsWith("…")).toBe(true);
  });
});

describe("findChangelogRow", () => {
  const plan = (cell: string) =>
    parsePlan(`# Plan\n\n## Change Log\n\n| Date | Author | Change |\n|---|---|---|\n| 2026-01-01 | @a | ${cell} |\n`, "p.md");
  it.each([
    ["#42 Add budget", true],
    ["Add budget (#42)", true],
    ["[#42](https://github.com/acme/app/pull/42)", true],
    ["merged https://github.com/acme/app/pull/42", true],
    ["#420 Other", false],
    ["#4 Other", false],
    ["acme/other#42", false],
    ["issue&#42;", false],
    ["Phase 42 done", false],
  ])("%s → %s", (cell, found) => {
    expect(findChangelogRow(plan(cell), 42) !== null).toBe(found);
  });

  it("a row belongs to the PR its template puts first, not to another PR its title mentions", () => {
    expect(findChangelogRow(plan("#50 Split out of #12 — Phase 1 confirmed"), 12)).toBeNull();
    expect(findChangelogRow(plan("#50 Split out of #12 — Phase 1 confirmed"), 50)).not.toBeNull();
    // a template with {pr} at the end, and one without {pr} (rendered with " (#N)" appended)
    expect(findChangelogRow(plan("Split out of #12 (#50)"), 50, "{title} ({pr})")).not.toBeNull();
    expect(findChangelogRow(plan("Split out of #12 (#50)"), 12, "{title} ({pr})")).toBeNull();
    expect(findChangelogRow(plan("Fix #12 follow-up by @dana (#50)"), 50, "{title} by {author}")).not.toBeNull();
    expect(findChangelogRow(plan("Fix #12 follow-up by @dana (#50)"), 12, "{title} by {author}")).toBeNull();
    // hand-written rows that follow no template: the first PR they name
    expect(findChangelogRow(plan("Hotfix, see #12 and #50"), 12)).not.toBeNull();
  });

  it("ignores an example row inside a fenced code block", () => {
    const input = readFileSync(path.join(DIR, "fenced-example.input.md"), "utf8").replace("Initial draft", "#42 example");
    expect(findChangelogRow(parsePlan(input, "p.md"), 42)).toBeNull();
  });
});

describe("recordMergeInPlan", () => {
  const input = readFileSync(path.join(DIR, "table-then-content.input.md"), "utf8");
  const merge = { pr: 42, row: ROW, completeStatus: false };

  it("is idempotent: a second run (redelivery, re-run, re-read after a lost response) adds nothing", () => {
    const first = recordMergeInPlan(input, "p.md", merge);
    expect(first.text).not.toBeNull();
    const second = recordMergeInPlan(first.text as string, "p.md", merge);
    expect(second).toMatchObject({ text: null, kind: "already-recorded" });
  });

  it("a different PR still gets its row after the first", () => {
    const first = recordMergeInPlan(input, "p.md", merge);
    const second = recordMergeInPlan(first.text as string, "p.md", { ...merge, pr: 43, row: { ...ROW, change: "#43 Metrics" } });
    expect(insertion(first.text as string, second.text as string)).toBe("| 2026-03-05 | @mona | #43 Metrics |\n");
  });

  it("completeStatus sets Status to Completed in the same text only when every phase is confirmed", () => {
    const notAll = recordMergeInPlan(input, "p.md", { ...merge, completeStatus: true });
    expect(notAll).toMatchObject({ statusCompleted: false });
    expect(notAll.text).toContain("**Status:** In Progress");

    const allConfirmed = input.replace(
      "**Confirmation Gate**: Dashboard reviewed by on-call.\n",
      "**Confirmation Gate**: Dashboard reviewed by on-call.\n\n✅ Confirmed by @lee on 2026-03-04 at def5678\n",
    );
    const done = recordMergeInPlan(allConfirmed, "p.md", { ...merge, completeStatus: true });
    expect(done).toMatchObject({ statusCompleted: true });
    const expected = allConfirmed
      .replace("**Status:** In Progress", "**Status:** Completed")
      .replace("| 2026-02-03 | Kim Park | Approved |\n", `| 2026-02-03 | Kim Park | Approved |\n${"| 2026-03-05 | @mona | #42 Add retry budget — Phase 1 confirmed |"}\n`);
    expect(done.text).toBe(expected);
  });

  it("refuses a plan with lone CR line breaks (old Mac) instead of joining a CRLF onto its last line", () => {
    const cr = input.replace(/\n/g, "\r");
    const result = recordMergeInPlan(cr, "p.md", merge);
    expect(result).toMatchObject({ text: null, kind: "cannot-record", reason: expect.stringMatching(/carriage return/) });
  });

  it("skips a file that is not a plan", () => {
    expect(recordMergeInPlan("# Notes\n\nJust notes.\n", "docs/plans/notes.md", merge)).toMatchObject({ text: null, kind: "not-a-plan" });
  });
});
