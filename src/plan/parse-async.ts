// parsePlanAsync: parsePlan with a hard time budget. Small texts parse on the calling thread
// (a worker round trip costs more than they do); larger ones parse in a worker thread that is
// terminated when the budget runs out, so the app and the CLI never block on one file.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { unparseablePlan } from "./empty-plan.js";
import { utf8Length } from "./guard.js";
import { DEFAULT_MAX_FILE_SIZE, parsePlan, type ParseOptions } from "./parse.js";
import { createParseWorkerPool, type ParseWorkerPool } from "./parse-worker-pool.js";
import type { PlanDocument } from "./types.js";

export interface AsyncParseOptions extends ParseOptions {
  /** give up after this many ms (default: defaultParseTimeoutMs of the text's size) */
  timeoutMs?: number;
  /** texts shorter than this (UTF-16 units) parse on the calling thread (default INLINE_PARSE_LIMIT) */
  inlineBelow?: number;
}

/**
 * Texts shorter than this (UTF-16 units) parse on the calling thread, each in its own turn of
 * the event loop: ~50 ms at the slowest measured rate, less than a worker round trip costs.
 */
const TIMEOUT_REASON = "parsing took longer than";

/** Whether a plan is unparseable only because its parse ran out of time (a retry when less busy may succeed). */
export function parseTimedOut(plan: PlanDocument): boolean {
  return plan.unparseable?.reason.startsWith(TIMEOUT_REASON) ?? false;
}

export const INLINE_PARSE_LIMIT = 16 * 1024;

/**
 * 2 s plus 10 s per MB. Measured on a busy 2-core machine, micromark + GFM parses ordinary
 * lists and tables at 0.1–0.2 MB/s and emphasis-dense text at ~0.07 MB/s (linear), and a fresh
 * worker needs a few hundred ms to load: a tighter budget would refuse real plans. The event
 * loop is free either way; the budget only bounds how long one file can hold a worker.
 */
export function defaultParseTimeoutMs(bytes: number): number {
  return Math.round(2000 + (10_000 * bytes) / 1_000_000);
}

let pool: ParseWorkerPool | null = null;
let workerUrl = new URL("./parse-worker.js", import.meta.url);
let maxWorkers = Math.max(1, Math.min(2, availableParallelism() - 1));

/**
 * Where the compiled worker lives and how many workers may run. The default is the
 * `parse-worker.js` next to this module (in `lib/plan/`); tests that run the TypeScript
 * sources point it at the built `lib/plan/parse-worker.js`.
 */
export async function configureParseWorkers(options: { workerUrl?: URL; maxWorkers?: number }): Promise<void> {
  await closeParseWorkers();
  if (options.workerUrl) workerUrl = options.workerUrl;
  if (options.maxWorkers) maxWorkers = Math.max(1, Math.floor(options.maxWorkers));
}

/** Stops the workers (they are unref'd, so this is only needed to free them early). */
export async function closeParseWorkers(): Promise<void> {
  const closing = pool;
  pool = null;
  await closing?.close();
}

export async function parsePlanAsync(text: string, path: string, options: AsyncParseOptions = {}): Promise<PlanDocument> {
  const source = typeof text === "string" ? text : String(text ?? "");
  const { timeoutMs, inlineBelow = INLINE_PARSE_LIMIT, ...parseOptions } = options;
  // Small files, and files over the size cap (refused at once), need no worker.
  if (source.length < inlineBelow || source.length > (parseOptions.maxFileSize ?? DEFAULT_MAX_FILE_SIZE)) {
    if (source.length >= 1024) await nextInlineTurn();
    return parsePlan(source, path, parseOptions);
  }
  // Running from sources without a build (no compiled worker next to this file): parse inline.
  if (!existsSync(fileURLToPath(workerUrl))) return parsePlan(source, path, parseOptions);
  const bytes = utf8Length(source);
  const budget = timeoutMs ?? defaultParseTimeoutMs(bytes);
  pool ??= createParseWorkerPool(workerUrl, maxWorkers);
  const outcome = await pool.run(source, path, parseOptions, budget);
  switch (outcome.kind) {
    case "parsed":
      return outcome.plan;
    case "timeout":
      return unparseablePlan(
        source,
        path,
        `${TIMEOUT_REASON} ${formatDuration(budget)}, the time plan-hygiene allows for a file of ${Math.ceil(bytes / 1024)} KB; split the plan into smaller files or shorten its longest lists and tables`,
      );
    case "failed":
      return unparseablePlan(source, path, `plan-hygiene failed to read this file (${outcome.detail})`);
  }
}

let inlineTurns: Promise<void> = Promise.resolve();

/**
 * Inline parses take turns, one per event-loop iteration, so a caller parsing many small files
 * at once (Promise.all) lets I/O and timers run between them. (Immediates queued in the same
 * tick would all run in one check phase, back to back.)
 */
function nextInlineTurn(): Promise<void> {
  inlineTurns = inlineTurns.then(() => new Promise<void>((resolve) => setImmediate(resolve)));
  return inlineTurns;
}

/** Worker threads currently alive (0 until a big file has been parsed). */
export function parseWorkersAlive(): number {
  return pool?.size ?? 0;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0).replace(/\.0$/, "")} s`;
}
