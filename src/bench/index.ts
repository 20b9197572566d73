// `npm run bench`: the performance goals of the lint core, measured on the shared corpus.
// Prints a table; never fails the build (it is not part of `npm test`).
import { performance } from "node:perf_hooks";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { defaultConfig, type Config } from "../config/schema.js";
import { lintText } from "../lint/lint-text.js";
import { readCorpus, sharedDirectory } from "./corpus.js";
import { hostileInputs } from "./hostile-inputs.js";
import { pairedMedians } from "./measure.js";
import { syntheticPlan } from "./synthetic-plan.js";
import path from "node:path";
import { formatTable, measureFile, readLabelledSet, tally } from "./labelled-set.js";

const runs = Number(process.env.BENCH_RUNS ?? 7);

function bareParse(text: string): void {
  fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

function row(cells: string[], widths: number[]): string {
  return cells.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd();
}

const corpus = readCorpus();
if (corpus.length === 0) {
  process.stdout.write(`No corpus plans in ${sharedDirectory()}/corpus/files; set PLAN_HYGIENE_SHARED.\n`);
  process.exit(0);
}
const corpusBytes = corpus.reduce((n, file) => n + Buffer.byteLength(file.text), 0);
process.stdout.write(`plan-hygiene bench: node ${process.version}, ${corpus.length} corpus files (${(corpusBytes / 1024).toFixed(0)} KB), median of ${runs} runs\n\n`);

// (1) lint (parse + every rule) against a bare mdast parse of the same bytes; runs interleaved
// so that load from other processes hits both sides alike
const lintCorpus = () => corpus.forEach((file) => lintText(file.text, file.name, defaultConfig));
const parseCorpus = () => corpus.forEach((file) => bareParse(file.text));
const [parseMs, lintMs] = pairedMedians([parseCorpus, lintCorpus], runs, 2);
const corpusRatio = lintMs / parseMs;

// (2) linear scaling: ~100 KB of corpus plans, and the same text ten times (~1 MB), size cap raised
// so both are parsed. The bare mdast times show how much of the growth is micromark's own.
const bigConfig: Config = { ...defaultConfig, plans: { ...defaultConfig.plans, maxFileSize: 4_000_000 } };
const texts = corpus.map((file) => file.text);
const small = syntheticPlan(texts, 100_000);
const large = small.repeat(10);
const scaleRuns = Math.max(3, Math.ceil(runs / 2));
const [smallMs, largeMs] = pairedMedians([() => lintText(small, "small.md", bigConfig), () => lintText(large, "large.md", bigConfig)], scaleRuns, 1);
const [smallBareMs, largeBareMs] = pairedMedians([() => bareParse(small), () => bareParse(large)], scaleRuns, 1);
const scaleRatio = largeMs / smallMs;

// (3) hostile inputs through the default configuration: each must come back, quickly, without throwing
const hostile = hostileInputs(texts.reduce((a, b) => (b.length > a.length ? b : a)));
const hostileResults = hostile.map(({ name, text }) => {
  let outcome = "ok";
  const start = performance.now();
  try {
    const { plan, findings } = lintText(text, "hostile.md", defaultConfig);
    if (plan.unparseable) outcome = `unparseable: ${plan.unparseable.reason}`;
    else outcome = `${findings.length} findings`;
  } catch (error) {
    outcome = `THREW ${(error as Error).name}: ${(error as Error).message}`;
  }
  return { name, ms: performance.now() - start, outcome };
});
const worst = hostileResults.reduce((a, b) => (b.ms > a.ms || b.outcome.startsWith("THREW") ? b : a));
const anyThrew = hostileResults.some((r) => r.outcome.startsWith("THREW"));

const verdict = (ok: boolean) => (ok ? "PASS" : "MISS");
const table = [
  ["metric", "measured", "goal", "result"],
  [`corpus lint / bare mdast parse (${lintMs.toFixed(1)} ms / ${parseMs.toFixed(1)} ms)`, `${corpusRatio.toFixed(2)}×`, "≤ 1.5×", verdict(corpusRatio <= 1.5)],
  [`${(large.length / 1e6).toFixed(2)} MB / ${(small.length / 1e3).toFixed(0)} KB plan lint (${lintText(small, "s.md", bigConfig).findings.length} / ${lintText(large, "l.md", bigConfig).findings.length} findings, ${largeMs.toFixed(1)} ms / ${smallMs.toFixed(1)} ms)`, `${scaleRatio.toFixed(2)}×`, "≤ 12×", verdict(scaleRatio <= 12)],
  [`  (bare mdast parse, same texts: ${largeBareMs.toFixed(1)} ms / ${smallBareMs.toFixed(1)} ms)`, `${(largeBareMs / smallBareMs).toFixed(2)}×`, "context", ""],
  [`worst hostile input: ${worst.name}`, `${worst.ms.toFixed(1)} ms`, "< 1000 ms, no throw", verdict(worst.ms < 1000 && !anyThrew)],
];
const widths = table[0].map((_, i) => Math.max(...table.map((r) => r[i].length)));
process.stdout.write(`${table.map((r) => row(r, widths)).join("\n")}\n\nhostile inputs (single run each, default config):\n`);
const nameWidth = Math.max(...hostileResults.map((r) => r.name.length));
for (const r of hostileResults) {
  process.stdout.write(`  ${r.name.padEnd(nameWidth)}  ${`${r.ms.toFixed(1)} ms`.padStart(10)}  ${r.outcome.slice(0, 100)}\n`);
}

// (4) precision and recall of the default configuration on the labelled real plans (per format)
const labelled = readLabelledSet(path.resolve("test/fixtures/formats/files")).map((file) => measureFile(file));
const precision = tally(labelled);
process.stdout.write(
  `\nlabelled real plans (test/fixtures/formats/files; \`npm run labelled\` lists every unmatched finding):\n${formatTable(labelled)}\n` +
    `precision ${precision.matched}/${precision.findings} (goal ≥ 90 %), recall ${precision.found}/${precision.mustFix} (goal ≥ 90 %), findings on non-plans ${precision.nonPlanFindings} (goal 0)\n`,
);
