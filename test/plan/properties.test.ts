// fast-check: parsing never throws and every position points at the right text.
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { parsePlan } from "../../src/plan/parse.js";
import { createLineIndex, offsetAt, positionAt } from "../../src/plan/positions.js";
import { spanProblems } from "./span-check.js";

const piece = fc.constantFrom(
  "# ", "## ", "### Phase 1: ", "## Phase 2a — ", "#### Automated Verification:", "**Manual**:", "- ", "  - ", "1. ", "> ",
  "[ ] ", "[x] ", "- [ ] ", "- [X] ", "|", " | ", "|---|", "~~", "**", "*", "_", "`", "```", "~~~", "<!--", "-->",
  "\n", "\r\n", "\r", "\n\n", "\uFEFF", "---\n", "Status: ", "**Status:** ", "**Confirmation Gate**: ", "**File**: `a.ts:1-2`",
  "## Open Questions", "## Change Log", "| Date | Author | Change |", "✅ Confirmed by @bob on 2024-01-02 at abcdef1", "a", "text ", "é", "😀",
);
const markdownish = fc.array(fc.oneof({ weight: 4, arbitrary: piece }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 80 }).map((a) => a.join(""));

describe("parsePlan properties", () => {
  it("never throws on arbitrary strings and keeps positions consistent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const plan = parsePlan(text, "p.md");
        expect(plan.text).toBe(text);
        expect(spanProblems(plan)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every span consistent on markdown-ish input (CRLF, BOM, boxes, tables, fences)", () => {
    fc.assert(
      fc.property(markdownish, fc.boolean(), fc.boolean(), (body, bom, crlf) => {
        let text = crlf ? body.replace(/\r?\n/g, "\r\n") : body;
        if (bom) text = "\uFEFF" + text;
        const plan = parsePlan(text, "p.md");
        expect(spanProblems(plan)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same structure for LF and CRLF (same lines and columns)", () => {
    fc.assert(
      fc.property(markdownish.map((s) => s.replace(/\r\n?/g, "\n").replace(/\uFEFF/g, "")), (lf) => {
        const a = parsePlan(lf, "p.md");
        const b = parsePlan(lf.replace(/\n/g, "\r\n"), "p.md");
        const shape = (p: typeof a) => ({
          phases: p.phases.map((x) => [x.id, x.headingSpan.start.line, x.headingSpan.start.column, x.criteria.automated.length, x.gate?.text ?? null]),
          boxes: p.checkboxes.map((x) => [x.span.start.line, x.span.start.column, x.checked]),
          sections: p.sections.map((x) => [x.heading, x.headingSpan.start.line]),
        });
        expect(shape(b)).toEqual(shape(a));
      }),
      { numRuns: 200 },
    );
  });

  it("positionAt and offsetAt round-trip", () => {
    fc.assert(
      fc.property(markdownish, fc.nat(), (text, n) => {
        const offset = text.length === 0 ? 0 : n % (text.length + 1);
        const pos = positionAt(text, offset);
        const index = createLineIndex(text);
        expect(index.positionAt(offset)).toEqual(pos);
        // a position inside a CRLF pair or before a BOM maps back to the nearest offset on that line
        const back = offsetAt(text, pos.line, pos.column);
        const insideCrlf = text[offset - 1] === "\r" && text[offset] === "\n";
        if (!insideCrlf && !(offset === 0 && text.charCodeAt(0) === 0xfeff)) expect(back).toBe(offset);
      }),
      { numRuns: 300 },
    );
  });
});
