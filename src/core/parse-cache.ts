import type { PlanDocument } from "../plan/types.js";
import { parsePlanAsync, parseTimedOut } from "../plan/parse-async.js";
import type { ParseOptions } from "../plan/parse.js";

/**
 * Parsed plans by blob oid (+ path, size limit and configured format, which the model depends on), bounded LRU.
 * Blob oids are content hashes, so an entry never goes stale; the bound only caps memory.
 */
export class ParseCache {
  private readonly entries = new Map<string, PlanDocument>();
  private readonly inflight = new Map<string, Promise<PlanDocument>>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity = 500) {}

  /**
   * Big files parse in a worker thread within a time budget (parsePlanAsync); concurrent
   * requests for the same blob share one parse. A parse that ran out of time is not cached,
   * so a later, less busy attempt can still succeed.
   */
  parseAsync(oid: string, path: string, text: string, options: ParseOptions): Promise<PlanDocument> {
    const key = keyOf(oid, path, options);
    const cached = this.lookup(key);
    if (cached) return Promise.resolve(cached);
    const running = this.inflight.get(key);
    if (running) {
      this.hits++;
      return running;
    }
    this.misses++;
    const parsing = parsePlanAsync(text, path, options)
      .then((plan) => {
        if (!parseTimedOut(plan)) this.store(key, plan);
        return plan;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, parsing);
    return parsing;
  }

  /** Whether this blob's parse is cached (no worker will run for it). */
  has(oid: string, path: string, options: ParseOptions): boolean {
    return this.entries.has(keyOf(oid, path, options));
  }

  /** The cached parse of a blob without its text (undefined when it must be read and parsed). */
  peek(oid: string, path: string, options: ParseOptions): PlanDocument | undefined {
    return this.lookup(keyOf(oid, path, options));
  }

  get size(): number {
    return this.entries.size;
  }

  private lookup(key: string): PlanDocument | undefined {
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
    }
    return cached;
  }

  private store(key: string, plan: PlanDocument): void {
    this.entries.set(key, plan);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}

function keyOf(oid: string, path: string, options: ParseOptions): string {
  return `${oid}\0${path}\0${options.maxFileSize ?? ""}\0${options.format ?? "auto"}`;
}
