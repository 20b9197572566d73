// parsePlanAsync through the worker pool: same model as the inline parse, a time budget that
// really stops a parse, a pool that recovers, and workers that never keep the process alive.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText, lintTextAsync } from "../../src/lint/lint-text.js";
import { configureParseWorkers, closeParseWorkers, defaultParseTimeoutMs, parsePlanAsync, parseWorkersAlive } from "../../src/plan/parse-async.js";
import { parsePlan } from "../../src/plan/parse.js";
import { sharedDir } from "./shared-dir.js";
import { builtWorker, builtWorkerUrl } from "./worker-build.js";

const corpusDir = path.join(sharedDir, "corpus", "files");
const corpus = readdirSync(corpusDir).filter((f) => f.endsWith(".md")).sort();
const read = (file: string) => readFileSync(path.join(corpusDir, file), "utf8");
/** every file through a worker; a budget no parse here needs (these tests are not about speed) */
const viaWorker = { inlineBelow: 0, timeoutMs: 120_000 };

/** ~`kb` KB of ordinary plan tables (each table small, so no guard limit applies). */
function manyTables(kb: number): string {
  let text = "# Implementation Plan: Tables\n\n";
  for (let t = 0; text.length < kb * 1024; t++) text += `## Table ${t}\n\n| a | b |\n|---|---|\n${"| cell | more text |\n".repeat(12)}\n`;
  return text;
}

beforeAll(async () => {
  await configureParseWorkers({ workerUrl: builtWorkerUrl(), maxWorkers: 2 });
});

afterAll(async () => {
  await closeParseWorkers();
});

describe("parsePlanAsync in a worker", () => {
  it("returns exactly the inline model for every corpus file", async () => {
    expect(corpus.length).toBeGreaterThan(0);
    const results = await Promise.all(corpus.map((file) => parsePlanAsync(read(file), `docs/plans/${file}`, viaWorker)));
    expect(parseWorkersAlive()).toBeGreaterThan(0); // really went through a worker
    corpus.forEach((file, i) => {
      // toStrictEqual also fails on class instances or undefined fields lost in the clone
      expect(results[i]).toStrictEqual(parsePlan(read(file), `docs/plans/${file}`));
    });
  }, 180_000);

  it("passes the parse options through (size cap, section aliases)", async () => {
    const text = read(corpus[0]);
    const capped = await parsePlanAsync(text, "p.md", { ...viaWorker, maxFileSize: 100, inlineBelow: 0 });
    // over the cap is refused inline at once, with the same reason
    expect(capped).toStrictEqual(parsePlan(text, "p.md", { maxFileSize: 100 }));
    const aliased = "# P\n\n## Zweifel\n\n- what about X?\n\n## Phase 1: A\n";
    const options = { sectionAliases: { "open-questions": ["Zweifel"] } };
    const worker = await parsePlanAsync(aliased, "p.md", { ...viaWorker, ...options });
    expect(worker).toStrictEqual(parsePlan(aliased, "p.md", options));
    expect(worker.openQuestions?.items.map((q) => q.text)).toEqual(["what about X?"]);
  });

  it("gives up on a parse that overruns its budget, then parses the next file normally", async () => {
    const big = manyTables(600);
    const timedOut = await parsePlanAsync(big, "plans/big.md", { timeoutMs: 5 });
    expect(timedOut.unparseable?.reason).toMatch(/^parsing took longer than 5 ms, the time plan-hygiene allows for a file of \d+ KB; split the plan/);
    expect(timedOut.text).toBe(big);
    expect(timedOut.phases).toEqual([]);
    const next = read(corpus[0]);
    expect(await parsePlanAsync(next, "p.md", viaWorker)).toStrictEqual(parsePlan(next, "p.md"));
  });

  it("scales the default budget with the size", () => {
    expect(defaultParseTimeoutMs(0)).toBe(2000);
    expect(defaultParseTimeoutMs(250_000)).toBe(4500);
    expect(defaultParseTimeoutMs(1_000_000)).toBe(12_000);
  });

  it("lintTextAsync finds what lintText finds", async () => {
    for (const file of corpus.slice(0, 10)) {
      const text = read(file);
      const async = await lintTextAsync(text, file, defaultConfig, { timeoutMs: 120_000 });
      expect(async.findings).toEqual(lintText(text, file, defaultConfig).findings);
    }
  });
});

describe("worker lifetime", () => {
  it("an idle pool does not keep the process alive", async () => {
    // A fresh Node process parses a big plan in a worker, prints the title and never closes the
    // pool: it must exit on its own. (If a worker kept it alive, it is killed and the test fails.)
    const script = `
      const { parsePlanAsync } = await import(${JSON.stringify(path.join(path.dirname(builtWorker), "parse-async.js"))});
      let text = "# Implementation Plan: Lifetime\\n\\n";
      while (text.length < 100000) text += "| a | b |\\n|---|---|\\n| x | y |\\n\\n";
      const plan = await parsePlanAsync(text, "p.md", { timeoutMs: 60000 });
      console.log(JSON.stringify({ title: plan.title && plan.title.text, unparseable: plan.unparseable }));`;
    const child = spawn(process.execPath, ["--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on("exit", (c, s) => resolve([c, s])));
    clearTimeout(killer);
    expect({ code, signal, err }).toEqual({ code: 0, signal: null, err: "" });
    expect(JSON.parse(out)).toEqual({ title: "Lifetime", unparseable: null });
  });
});
