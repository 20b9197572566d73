// The whole shared corpus: every file parses with consistent positions, and per-file facts
// checked by READING each file (phase ids, gates, open questions, status, isPlan) hold.
import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parsePlan } from "../src/plan/parse.js";
import { sharedDir } from "./plan/shared-dir.js";
import { spanProblems } from "./plan/span-check.js";

const corpus = path.join(sharedDir, "corpus");
const files = readdirSync(path.join(corpus, "files")).filter((f) => f.endsWith(".md")).sort();
const index = new Map(
  readFileSync(path.join(corpus, "INDEX.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split("\t"))
    .map((c) => [c[0], { pathInRepo: c[2], isPlan: c[5] === "yes" }] as const),
);

interface Facts {
  isPlan: boolean;
  /** phase ids in order; "!" suffix = removed; "+G" = has a gate */
  phases?: string[];
  status?: string | null;
  /** "R" resolved, "-" open, per item; null = no open-questions section */
  openQuestions?: string | null;
  changeLogRows?: number;
  /** [automated, manual, other] criteria counts for the first phase */
  firstPhaseCriteria?: [number, number, number];
}

// Facts read off the files by hand. isPlan differs from INDEX.tsv only for the borderline
// design docs 001, 003, 005, 006, 008 (no phases, no plan title/file name, < 2 strong plan
// sections): see src/plan/is-plan.ts.
const FACTS: Record<string, Facts> = {
  "001": { isPlan: false, status: "Approved", phases: [] },
  "003": { isPlan: false, phases: [] },
  "005": { isPlan: false, phases: [] },
  "006": { isPlan: false, phases: [] },
  "008": { isPlan: false, phases: [] },
  // superpowers plans: each `### Task N:` is a phase of that format
  "002": { isPlan: true, phases: ["1", "2", "3", "4", "5", "6", "7"], status: null },
  // "## Chunk N: … — Phase 1 (…)" mentions a phase, is none; its Task N headings are the phases
  "010": { isPlan: true, phases: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"] },
  // fences close early: CommonMark makes "## Phase 2 Review" (line 196) a real heading; we follow
  // CommonMark (as GitHub renders it), so a lone phase 2 shows up; a lone phase has no gap to flag
  // (as a superpowers plan its four `### Task N:` headings are its phases; the stray "Phase 2" repeats Task 2's id)
  "014": { isPlan: true, phases: ["1", "2", "3", "4"] },
  "016": { isPlan: true, phases: ["1", "2", "3", "4", "5", "6"] }, // H1 "Phase 8A …" is the title
  "018": { isPlan: true, status: "backlog", phases: [] },
  "021": { isPlan: true, phases: ["1+G", "2+G", "3+G", "4+G", "5+G", "6+G", "7+G", "8+G"], firstPhaseCriteria: [0, 0, 3] },
  "022": { isPlan: true, phases: ["0", "1A", "1B", "1C", "2A", "2B", "3", "4", "5", "6"], firstPhaseCriteria: [0, 0, 3] },
  "023": { isPlan: true, phases: ["0!", "1", "2", "3", "4", "5", "6"] }, // "Manual gate" is no Confirmation Gate
  "024": { isPlan: true, phases: ["1", "2", "3", "4", "5", "6"], firstPhaseCriteria: [0, 0, 3] },
  "025": { isPlan: true, phases: ["02b"] },
  "028": { isPlan: true, status: "ready_for_implementation", phases: ["0", "1", "2", "3", "4", "5"] },
  "029": { isPlan: true, status: "draft", phases: ["1.1", "1.2", "1.3", "2"] }, // detailed set kept
  "030": { isPlan: true, phases: ["1", "2", "3", "4", "5", "6", "7"] },
  "031": { isPlan: true, phases: ["0", "1"] },
  "032": { isPlan: true, phases: ["1", "2", "3", "3a", "3b", "3c", "3d", "3e", "4", "5", "5a", "5b", "5c", "5d", "6"] },
  "033": { isPlan: true, phases: ["0", "1"], openQuestions: "--RR" },
  "034": { isPlan: true, phases: ["0", "1", "2", "3+"] },
  "035": { isPlan: true, phases: ["3.1", "3.2", "3.3", "3.4"] },
  "036": { isPlan: true, phases: ["1", "2", "3", "4"] },
  "037": { isPlan: true, phases: [] },
  "038": { isPlan: true, phases: ["1", "2", "3"] },
  "039": { isPlan: true, status: "Implementation plan ready for execution", phases: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"] },
  "040": { isPlan: true, status: "Skeleton created (phase 0). Implementation begins next session.", phases: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10"] },
  "041": { isPlan: true, phases: [] },
  "042": { isPlan: true, phases: [] },
  "043": { isPlan: true, phases: ["0", "1", "2", "3", "4"] },
  "044": { isPlan: true, status: "implemented", phases: ["1", "2", "3", "4", "5", "6"], firstPhaseCriteria: [4, 2, 0] },
  "045": { isPlan: true, phases: [] }, // one-phase spec: H1 "Phase 8 …" + task boxes; fenced phases ignored
  "046": { isPlan: true, phases: ["1", "2", "3", "4", "5", "6", "7"], openQuestions: "RRR" },
  "047": { isPlan: false, phases: [] },
  "048": { isPlan: false, phases: [], openQuestions: "----" },
  "049": { isPlan: false, phases: [] },
  "050": { isPlan: true, phases: [], changeLogRows: 27 },
  "051": { isPlan: true, phases: ["1+G", "2+G", "3+G"] },
  "052": { isPlan: true, status: "Draft", phases: [], openQuestions: "---" },
  "053": { isPlan: true, status: "Phase 1 Complete - Phase 2 Complete - Phase 3 In Progress", phases: ["1", "2", "3", "4", "5", "6"], changeLogRows: 14 },
  "054": { isPlan: true, status: "draft", phases: ["0", "1", "2", "3", "4", "5"], firstPhaseCriteria: [0, 0, 0] },
  "055": { isPlan: true, phases: ["1", "2", "3"] },
};

function facts(file: string) {
  const meta = index.get(file);
  const plan = parsePlan(readFileSync(path.join(corpus, "files", file), "utf8"), meta?.pathInRepo ?? file);
  return { plan, meta };
}

describe("shared corpus", () => {
  it("has files and an index row for each", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(index.has(f)).toBe(true);
  });

  it.each(files)("%s parses with consistent positions", (file) => {
    const { plan, meta } = facts(file);
    expect(plan.unparseable).toBeNull();
    expect(spanProblems(plan)).toEqual([]);
    if (meta && !meta.isPlan) expect(plan.isPlan).toBe(false);
  });

  it.each(files.filter((f) => FACTS[f.slice(0, 3)]))("%s matches the facts read from it", (file) => {
    const want = FACTS[file.slice(0, 3)];
    const { plan } = facts(file);
    expect(plan.isPlan).toBe(want.isPlan);
    if (want.phases) expect(plan.phases.map((p) => p.id + (p.removed ? "!" : "") + (p.gate ? "+G" : ""))).toEqual(want.phases);
    if (want.status !== undefined) expect(plan.status?.value ?? null).toBe(want.status);
    if (want.openQuestions !== undefined) {
      expect(plan.openQuestions ? plan.openQuestions.items.map((q) => (q.resolved ? "R" : "-")).join("") : null).toBe(want.openQuestions);
    }
    if (want.changeLogRows !== undefined) expect(plan.changeLog?.table?.rows).toHaveLength(want.changeLogRows);
    if (want.firstPhaseCriteria) {
      const c = plan.phases[0].criteria;
      expect([c.automated.length, c.manual.length, c.other.length]).toEqual(want.firstPhaseCriteria);
    }
  });
});
