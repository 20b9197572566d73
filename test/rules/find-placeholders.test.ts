import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { findPlaceholders } from "../../src/rules/find-placeholders.js";
import { maskNonProse } from "../../src/rules/prose-mask.js";

const shared = process.env.PLAN_HYGIENE_SHARED ?? path.resolve(process.cwd(), "../shared");
const template = readFileSync(path.join(shared, "plan-template.md"), "utf8");

describe("findPlaceholders on the plan template", () => {
  const found = findPlaceholders(template);
  const lineOf = (offset: number) => template.slice(0, offset).split("\n").length;

  it("finds every bracketed prompt the template has (all brackets but task boxes)", () => {
    const brackets = [...template.matchAll(/\[[^\]\n]+\]/g)].filter((m) => !/^\[[ xX]\]$/.test(m[0]));
    expect(brackets.length).toBeGreaterThan(50);
    for (const m of brackets) expect(found.some((p) => p.start === m.index && p.end === m.index + m[0].length)).toBe(true);
  });

  it("finds every YYYY-MM-DD, /path/to/ path and the Status options", () => {
    const dates = [...template.matchAll(/YYYY-MM-DD/g)].map((m) => m.index);
    expect(found.filter((p) => p.kind === "date").map((p) => p.start)).toEqual(dates);
    const paths = [...template.matchAll(/`(\/path\/to\/[^`]+)`/g)].map((m) => m.index + 1);
    expect(found.filter((p) => p.kind === "path").map((p) => p.start)).toEqual(paths);
    const status = found.filter((p) => p.kind === "status-options");
    expect(status.map((p) => lineOf(p.start))).toEqual([template.split("\n").findIndex((l) => l.startsWith("**Status:**")) + 1]);
  });

  it("reports each placeholder's exact text", () => {
    for (const p of found) expect(template.slice(p.start, p.end)).toBe(p.text);
    expect(found.map((p) => p.text)).toContain("[Brief Description]");
    expect(found.map((p) => p.text)).toContain("[TICKET-123]");
    expect(found.map((p) => p.text)).toContain("/path/to/file.ext:123-145");
  });

  it("does not touch lines without template text", () => {
    const lines = template.split("\n");
    const flagged = new Set(found.map((p) => lineOf(p.start)));
    lines.forEach((line, i) => {
      if (!/\[[^\] xX][^\]]*\]|YYYY|\/path\/to|TICKET|Draft \|/.test(line)) expect(flagged.has(i + 1)).toBe(false);
    });
  });
});

describe("findPlaceholders leaves real markdown alone", () => {
  it.each([
    "See [the docs](https://example.com) and [the guide][guide].\n\n[guide]: https://example.com/guide",
    "A shortcut link to [Release Notes].\n\n[release notes]: https://example.com/notes",
    "- [ ] open task\n- [x] done task\n- [X] done too",
    "A footnote[^note] and [^other note].\n\n[^note]: text",
    "> [!NOTE]\n> An alert.",
    "Tags like [WIP] and [P1], arrays like [1, 2, 3], ranges [0..n].",
    "```\n**Date:** YYYY-MM-DD and [Brief Description]\n```",
    "~~~markdown\n- [TICKET-123]: [Related work]\n~~~",
    "<!-- [Brief Description] YYYY-MM-DD -->",
    "Inline `[Brief Description]` and `cp /path/to/file.ext out/` are code.",
    "Files are named `Daily/YYYY-MM-DD.md` or Daily/YYYY-MM-DD.md on disk.",
    "---\ntags: [plan, struts, html5 theme]\n---\n# Plan",
    "search(query=\"[topic keywords]\")",
    // a prompt string inside code that CommonMark renders as text (nested fences closed early)
    "   knowledge_search(query=\"research GH-${number} [issue title keywords]\", type=\"research\")",
    "    indented code: [Brief Description] YYYY-MM-DD",
  ])("%s", (text) => {
    expect(findPlaceholders(text)).toEqual([]);
  });

  it("still finds prompts next to quotes that do not enclose them", () => {
    const text = 'The "done" state: [What done looks like]. He said "fine" [Name] "ok".';
    expect(findPlaceholders(text).map((p) => p.text)).toEqual(["[What done looks like]", "[Name]"]);
  });

  it("still finds a date placeholder in frontmatter", () => {
    expect(findPlaceholders("---\ndate: YYYY-MM-DD\n---\n# Plan").map((p) => p.kind)).toEqual(["date"]);
  });
});

describe("maskNonProse", () => {
  it("keeps the length and every line break, so offsets stay valid", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("`", "~", "<!--", "-->", "\n", "\r\n", " ", "    ", "a", "[", "]", "-") }), (text) => {
        const { masked } = maskNonProse(text);
        expect(masked.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          if (text[i] === "\n" || text[i] === "\r") expect(masked[i]).toBe(text[i]);
          else expect(masked[i] === text[i] || masked[i] === " ").toBe(true);
        }
      }),
    );
  });
});
