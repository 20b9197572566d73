import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { measureFile, readLabelledSet, tally } from "../../src/bench/labelled-set.js";
import { sharedDir } from "../plan/shared-dir.js";

// The labelled real plans (test/fixtures/formats/files): what a reviewer of each plan's format
// wants flagged was written down before the linter ran on it. The default configuration must
// find what must be fixed, say little else, read each file as its format, and be silent on non-plans.

const files = readLabelledSet(path.resolve("test/fixtures/formats/files"));
const results = files.map((file) => measureFile(file));

describe("labelled real plans", () => {
  it("are at least 30 files from repositories outside the shared corpus's, at most two per repository, each with its source and commit", () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    const used = new Set(readFileSync(path.join(sharedDir, "corpus/USED-REPOS.txt"), "utf8").split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.trim().toLowerCase()));
    const perRepo = new Map<string, number>();
    for (const f of files) {
      expect(f.source.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(f.source.commit).toMatch(/^[0-9a-f]{40}$/);
      expect(f.source.path.length).toBeGreaterThan(0);
      expect(used.has(f.source.repo.toLowerCase())).toBe(false);
      perRepo.set(f.source.repo, (perRepo.get(f.source.repo) ?? 0) + 1);
    }
    expect(Math.max(...perRepo.values())).toBeLessThanOrEqual(2);
  });

  it.each(results.map((r) => [r.file.file, r] as const))("%s is read as its labelled format (or as no plan)", (_name, r) => {
    expect(r.readAsPlan).toBe(r.file.isPlan);
    if (r.file.isPlan) expect(r.detected).toBe(r.file.format);
  });

  it("precision and recall are at least 90 %, and non-plans get no finding at all", () => {
    const t = tally(results);
    expect(t.nonPlanFindings).toBe(0);
    expect(t.matched / t.findings).toBeGreaterThanOrEqual(0.9);
    expect(t.found / t.mustFix).toBeGreaterThanOrEqual(0.9);
  });
});
