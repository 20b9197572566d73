import type { PlanDocument } from "../plan/types.js";
import { parsePlan } from "../plan/parse.js";

/**
 * Parsed plans by blob oid (+ path and size limit, which the model depends on), bounded LRU.
 * Blob oids are content hashes, so an entry never goes stale; the bound only caps memory.
 */
export class ParseCache {
  private readonly entries = new Map<string, PlanDocument>();
  hits = 0;
  misses = 0;

  constructor(readonly capacity = 500) {}

  parse(oid: string, path: string, text: string, maxFileSize: number): PlanDocument {
    const key = `${oid}\0${path}\0${maxFileSize}`;
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, cached);
      return cached;
    }
    this.misses++;
    const plan = parsePlan(text, path, { maxFileSize });
    this.entries.set(key, plan);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return plan;
  }

  get size(): number {
    return this.entries.size;
  }
}
