import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { Table, TableCell } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { escapeTableCell } from "../../src/edit/table-cell.js";

// Escaped cells are checked by what a real GFM parser (the one GitHub-flavoured renderers use)
// reads back: one row, exactly three cells, the middle one carrying the text.

function parseRow(cell: string): { cells: number; text: string } {
  const md = `| a | b | c |\n|---|---|---|\n| x | ${cell} | z |\n`;
  const tree = fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const table = tree.children.find((n): n is Table => n.type === "table");
  if (!table || table.children.length !== 2) return { cells: -1, text: "" };
  const row = table.children[1];
  const text = (node: TableCell | TableCell["children"][number]): string =>
    "value" in node ? String(node.value) : "children" in node ? (node.children as TableCell["children"]).map(text).join("") : "";
  return { cells: row.children.length, text: text(row.children[1]) };
}

describe("escapeTableCell", () => {
  it("escapes pipes so the cell is not split", () => {
    expect(escapeTableCell("a | b")).toBe("a \\| b");
    expect(parseRow(escapeTableCell("a | b"))).toEqual({ cells: 3, text: "a | b" });
  });

  it("doubles backslashes before a pipe so they cannot un-escape it", () => {
    expect(escapeTableCell("C:\\|x")).toBe("C:\\\\\\|x");
    expect(parseRow(escapeTableCell("C:\\|x"))).toEqual({ cells: 3, text: "C:\\|x" });
  });

  it("turns line breaks of every kind into single spaces", () => {
    expect(escapeTableCell("one\r\ntwo\nthree\rfour\u2028five\tsix")).toBe("one two three four five six");
    expect(escapeTableCell("  lots   of\n\n  space  ")).toBe("lots of space");
  });

  it("keeps balanced code spans and neutralises an unbalanced backtick", () => {
    expect(escapeTableCell("Fix `a|b` parsing")).toBe("Fix `a\\|b` parsing");
    expect(parseRow(escapeTableCell("Fix `a|b` parsing")).text).toBe("Fix a|b parsing");
    expect(escapeTableCell("Don't ` break")).toBe("Don't \\` break");
    expect(parseRow(escapeTableCell("Don't ` break")).text).toBe("Don't ` break");
    // CommonMark pairs the first two single backticks; the last one is the unpaired run
    expect(escapeTableCell("``a`` and ` and `b`")).toBe("``a`` and ` and `b\\`");
  });

  it("caps the length at 200 characters with an ellipsis, without splitting a surrogate pair", () => {
    const long = "🚀".repeat(300);
    const capped = escapeTableCell(long);
    expect(Array.from(capped)).toHaveLength(200);
    expect(capped.endsWith("🚀…")).toBe(true);
    expect(escapeTableCell("x".repeat(200))).toBe("x".repeat(200));
    expect(escapeTableCell("abc def", 5)).toBe("abc…");
  });

  it("a backtick opened before the cap is neutralised, not left open", () => {
    const capped = escapeTableCell(`${"a".repeat(190)} \`code that is cut off\``);
    expect(capped.endsWith("…")).toBe(true);
    expect(parseRow(capped).cells).toBe(3);
    expect(capped).toContain("\\`");
  });

  it("drops control characters", () => {
    expect(escapeTableCell("a\u0000b\u001bc\u007f")).toBe("abc");
  });

  it("never breaks the row, whatever the text (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", " ", "|", "\\", "`", "\n", "\r", "*", "<", "é", "🚀", "-", ":") , maxLength: 300 }), (input) => {
        const cell = escapeTableCell(input);
        expect(cell).not.toMatch(/[\r\n]/);
        const row = parseRow(cell);
        expect(row.cells).toBe(3);
      }),
      { numRuns: 500 },
    );
  });
});
