// A bounded LRU of parsed plans keyed by content (git blob SHA when the caller has one, else a
// SHA-256 of the text) plus path and options, so re-checking an unchanged file is free.
import { createHash } from "node:crypto";
import { parsePlan, type ParseOptions } from "./parse.js";
import type { PlanDocument } from "./types.js";

export interface ParseCache {
  /** parse (or reuse) `text`; pass the blob SHA when known to skip hashing */
  get(text: string, path: string, options?: ParseOptions & { blobSha?: string }): PlanDocument;
  readonly size: number;
  clear(): void;
}

export function createParseCache(maxEntries = 200): ParseCache {
  const entries = new Map<string, PlanDocument>();
  return {
    get(text, path, options = {}) {
      const { blobSha, ...parseOptions } = options;
      const content = blobSha ?? createHash("sha256").update(text).digest("hex");
      const key = JSON.stringify([content, path, parseOptions.maxFileSize ?? null, parseOptions.sectionAliases ?? null]);
      const hit = entries.get(key);
      if (hit !== undefined && hit.text === text) {
        entries.delete(key); // re-insert: most recently used last
        entries.set(key, hit);
        return hit;
      }
      const plan = parsePlan(text, path, parseOptions);
      entries.set(key, plan);
      while (entries.size > Math.max(1, maxEntries)) entries.delete(entries.keys().next().value as string);
      return plan;
    },
    get size() {
      return entries.size;
    },
    clear() {
      entries.clear();
    },
  };
}
