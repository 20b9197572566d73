import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { recordMergeInPlan } from "../../src/edit/record-merge-in-plan.js";
import { parsePlan } from "../../src/plan/parse.js";

// Every real plan in the shared corpus (read in place, never copied): recording a merge either
// inserts exactly one contiguous run of bytes that reads back as the PR's row, or declines with
// a reason. Never a crash, never a changed byte elsewhere.

const shared = process.env.PLAN_HYGIENE_SHARED ?? path.resolve(process.cwd(), "../shared");
const dir = path.join(shared, "corpus/files");
const files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
const row = { date: "2026-03-05", author: "@mona", change: "#4242 Corpus | check `x`" };

describe("recordMergeInPlan on the shared corpus", () => {
  it("finds the corpus", () => expect(files.length).toBeGreaterThan(40));

  it.each(files)("%s", (file) => {
    const text = readFileSync(path.join(dir, file), "utf8");
    const result = recordMergeInPlan(text, file, { pr: 4242, row, completeStatus: false, maxFileSize: 1_000_000 });
    if (result.text === null) {
      expect(result.reason.length).toBeGreaterThan(0);
      return;
    }
    let p = 0;
    while (p < text.length && text[p] === result.text[p]) p++;
    let s = 0;
    while (s < text.length - p && text[text.length - 1 - s] === result.text[result.text.length - 1 - s]) s++;
    expect(p + s).toBe(text.length);
    const inserted = result.text.slice(p, result.text.length - s);
    const eol = parsePlan(text, file).eol;
    if (eol === "\r\n") expect(inserted.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    else expect(inserted).not.toContain("\r");
    const again = recordMergeInPlan(result.text, file, { pr: 4242, row, completeStatus: false, maxFileSize: 1_000_000 });
    expect(again).toMatchObject({ text: null, kind: "already-recorded" });
  });
});
