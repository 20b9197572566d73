// A small pool of worker threads that parse plans off the event loop. Workers are created on
// demand, reused, and ref'd only while they parse: an idle pool never keeps the process alive.
// A parse that overruns its time budget gets its worker terminated (the only way to stop
// synchronous micromark work); the next job starts a fresh worker.
import { Worker } from "node:worker_threads";
import type { ParseOptions } from "./parse.js";
import type { ParseJob, ParseReply } from "./parse-worker-protocol.js";
import type { PlanDocument } from "./types.js";

export type PoolOutcome =
  | { kind: "parsed"; plan: PlanDocument }
  | { kind: "timeout" }
  | { kind: "failed"; detail: string };

export interface ParseWorkerPool {
  run(text: string, path: string, options: ParseOptions, timeoutMs: number): Promise<PoolOutcome>;
  /** workers currently alive */
  readonly size: number;
  close(): Promise<void>;
}

interface Pending {
  job: ParseJob;
  timeoutMs: number;
  resolve(outcome: PoolOutcome): void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
  timer: NodeJS.Timeout | null;
}

/** Young-generation room measured to cut GC time on big parses by about a third. */
const RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 1024 };

/** The parent's flags minus those a worker refuses (`node --input-type=module -e …`). */
function workerExecArgv(): string[] {
  return process.execArgv.filter((arg) => !arg.startsWith("--input-type"));
}

export function createParseWorkerPool(workerUrl: URL, maxWorkers: number): ParseWorkerPool {
  const slots: Slot[] = [];
  const queue: Pending[] = [];
  let nextId = 1;

  const settle = (slot: Slot, outcome: PoolOutcome) => {
    const pending = slot.busy;
    if (slot.timer) clearTimeout(slot.timer);
    slot.busy = null;
    slot.timer = null;
    pending?.resolve(outcome);
  };

  const retire = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    slot.worker.terminate().catch(() => undefined);
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl, { resourceLimits: RESOURCE_LIMITS, execArgv: workerExecArgv() });
    const slot: Slot = { worker, busy: null, timer: null };
    worker.unref();
    worker.on("message", (reply: ParseReply) => {
      if (slot.busy?.job.id !== reply.id) return;
      settle(slot, { kind: "parsed", plan: reply.plan });
      worker.unref();
      dispatch();
    });
    worker.on("error", (error: Error) => {
      settle(slot, { kind: "failed", detail: error.message });
      retire(slot);
      dispatch();
    });
    worker.on("exit", (code) => {
      settle(slot, { kind: "failed", detail: `the parser stopped with exit code ${code}` });
      const i = slots.indexOf(slot);
      if (i >= 0) slots.splice(i, 1);
      dispatch();
    });
    slots.push(slot);
    return slot;
  };

  const dispatch = () => {
    while (queue.length > 0) {
      const slot = slots.find((s) => s.busy === null) ?? (slots.length < maxWorkers ? spawn() : null);
      if (slot === null) return;
      const pending = queue.shift()!;
      slot.busy = pending;
      slot.worker.ref(); // keep the process alive until this answer arrives
      slot.timer = setTimeout(() => {
        settle(slot, { kind: "timeout" });
        retire(slot);
        dispatch();
      }, pending.timeoutMs);
      slot.worker.postMessage(pending.job);
    }
  };

  return {
    run(text, path, options, timeoutMs) {
      return new Promise<PoolOutcome>((resolve) => {
        queue.push({ job: { id: nextId++, text, path, options }, timeoutMs, resolve });
        try {
          dispatch();
        } catch (error) {
          // Worker construction failed (e.g. no resources): answer every waiting job.
          for (const p of queue.splice(0)) p.resolve({ kind: "failed", detail: error instanceof Error ? error.message : String(error) });
        }
      });
    },
    get size() {
      return slots.length;
    },
    async close() {
      for (const p of queue.splice(0)) p.resolve({ kind: "failed", detail: "the parser pool was closed" });
      await Promise.all(slots.splice(0).map((s) => (settle(s, { kind: "failed", detail: "the parser pool was closed" }), s.worker.terminate())));
    },
  };
}
