// The app's parse cache on top of parsePlanAsync: one parse per blob, shared by concurrent
// callers, and a parse that ran out of time is retried rather than remembered.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ParseCache } from "../../src/core/parse-cache.js";
import { closeParseWorkers, configureParseWorkers } from "../../src/plan/parse-async.js";
import { parsePlan } from "../../src/plan/parse.js";
import { sharedDir } from "./shared-dir.js";
import { builtWorkerUrl } from "./worker-build.js";

const corpusDir = path.join(sharedDir, "corpus", "files");
const largest = readdirSync(corpusDir)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(path.join(corpusDir, f), "utf8"))
  .sort((a, b) => b.length - a.length)[0];

beforeAll(async () => {
  await configureParseWorkers({ workerUrl: builtWorkerUrl() });
});

afterAll(async () => {
  await closeParseWorkers();
});

describe("ParseCache.parseAsync", () => {
  it("parses a blob once for concurrent callers and reuses it afterwards", async () => {
    expect(largest.length).toBeGreaterThan(64 * 1024); // big enough for the worker path
    const cache = new ParseCache();
    const [a, b] = await Promise.all([cache.parseAsync("oid1", "p.md", largest, { maxFileSize: 1_000_000 }), cache.parseAsync("oid1", "p.md", largest, { maxFileSize: 1_000_000 })]);
    expect(a).toBe(b);
    expect(a).toStrictEqual(parsePlan(largest, "p.md", { maxFileSize: 1_000_000 }));
    expect(await cache.parseAsync("oid1", "p.md", largest, { maxFileSize: 1_000_000 })).toBe(a);
    expect({ misses: cache.misses, hits: cache.hits, size: cache.size }).toEqual({ misses: 1, hits: 2, size: 1 });
  });

  it("keys by path and size limit too", async () => {
    const cache = new ParseCache();
    const small = "# Plan\n\n## Phase 1: A\n";
    const one = await cache.parseAsync("oid", "a.md", small, { maxFileSize: 1000 });
    const other = await cache.parseAsync("oid", "b.md", small, { maxFileSize: 1000 });
    const capped = await cache.parseAsync("oid", "a.md", small, { maxFileSize: 5 });
    expect([one.path, other.path]).toEqual(["a.md", "b.md"]);
    expect(capped.unparseable?.reason).toMatch(/parses at most 5 bytes/);
    expect(cache.misses).toBe(3);
  });
});
