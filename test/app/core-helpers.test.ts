import { describe, expect, it } from "@jest/globals";
import { fileRefMatches } from "../../src/core/match-file-ref.js";
import { pathsNamedInBody } from "../../src/core/paths-named-in-body.js";
import { shouldComment } from "../../src/core/decide-comment.js";
import { configSchema } from "../../src/config/schema.js";

describe("pathsNamedInBody", () => {
  it("finds repo paths and blob links to this repository only, HTML-unescaped", () => {
    const body = [
      "See `docs/plans/a.md` and [b](./plans/b.md).",
      "Link: https://github.com/Octo-Org/Octo-Repo/blob/main/docs/plans/c%20d.md#L3",
      "Escaped: https://github.com/octo-org/octo-repo/blob/feature/x/plans/e.md?plain=1&amp;x=1",
      "Other repo: https://github.com/other/repo/blob/main/docs/plans/nope.md",
      "Not markdown: src/a.ts, ../escape.md",
    ].join("\n");
    const paths = pathsNamedInBody(body, "octo-org", "octo-repo");
    expect(paths).toEqual(expect.arrayContaining(["docs/plans/a.md", "plans/b.md", "docs/plans/c d.md", "x/plans/e.md", "plans/e.md"]));
    expect(paths.some((p) => p.includes("nope"))).toBe(false);
    expect(paths.some((p) => p.includes("escape") || p.endsWith(".ts"))).toBe(false);
  });
});

describe("fileRefMatches", () => {
  it.each([
    ["src/a.ts", "src/a.ts", true],
    ["./src/a.ts", "src/a.ts", true],
    ["src/api/", "src/api/handler.ts", true],
    ["api/handler.ts", "services/api/handler.ts", true],
    ["src/**/*.rs", "src/deep/x.rs", true],
    ["src/a.ts", "src/a.tsx", false],
    ["a.ts", "src/ba.ts", false],
  ])("%s names %s: %s", (ref, path, expected) => expect(fileRefMatches(ref, path)).toBe(expected));
});

describe("shouldComment", () => {
  const config = (comment: object) => configSchema.parse({ comment });
  it("follows comment.mode, drafts, and keeps an existing comment current", () => {
    const base = { draft: false, plans: 1, problems: 0, hasExisting: false };
    expect(shouldComment({ ...base, config: config({}) })).toBe(true);
    expect(shouldComment({ ...base, config: config({ mode: "never" }), hasExisting: true })).toBe(false);
    expect(shouldComment({ ...base, config: config({ mode: "on-findings" }) })).toBe(false);
    expect(shouldComment({ ...base, config: config({ mode: "on-findings" }), problems: 2 })).toBe(true);
    expect(shouldComment({ ...base, config: config({ mode: "on-findings" }), hasExisting: true })).toBe(true);
    expect(shouldComment({ ...base, config: config({}), draft: true })).toBe(false);
    expect(shouldComment({ ...base, config: config({ onDrafts: true }), draft: true })).toBe(true);
    expect(shouldComment({ ...base, config: config({}), plans: 0 })).toBe(false);
    expect(shouldComment({ ...base, config: config({}), plans: 0, hasExisting: true })).toBe(true);
  });
});
