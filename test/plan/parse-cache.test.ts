import { describe, expect, it } from "@jest/globals";
import { createParseCache } from "../../src/plan/parse-cache.js";

describe("parse cache", () => {
  it("reuses a parse for the same content and evicts the least recently used", () => {
    const cache = createParseCache(2);
    const a = cache.get("# A\n\n## Phase 1: x\n", "a.md");
    expect(cache.get("# A\n\n## Phase 1: x\n", "a.md")).toBe(a);
    const b = cache.get("# B\n", "b.md", { blobSha: "b1" });
    cache.get("# A\n\n## Phase 1: x\n", "a.md"); // a is now most recent
    cache.get("# C\n", "c.md");
    expect(cache.size).toBe(2);
    expect(cache.get("# B\n", "b.md", { blobSha: "b1" })).not.toBe(b); // b was evicted
    expect(a.phases).toHaveLength(1);
  });
  it("never returns a plan for different text under a reused blob SHA", () => {
    const cache = createParseCache();
    cache.get("# One\n", "x.md", { blobSha: "same" });
    expect(cache.get("# Two\n", "x.md", { blobSha: "same" }).title?.text).toBe("Two");
  });
});
