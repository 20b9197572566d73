import { describe, expect, it } from "@jest/globals";
import { unapplyPatch } from "../../src/edit/unapply-patch.js";
import { unifiedDiff } from "../helpers/fake-github/unified-diff.js";

const lines = (n: number, tag = "") => Array.from({ length: n }, (_, i) => `line ${i + 1}${tag}`).join("\n") + "\n";

describe("unapplyPatch: the text before a change, from the text after and GitHub's patch", () => {
  const cases: [string, string, string][] = [
    ["one line changed in the middle", lines(20), lines(20).replace("line 10\n", "line 10 ticked\n")],
    ["changes far apart (two hunks)", lines(40), lines(40).replace("line 2\n", "line two\n").replace("line 35\n", "")],
    ["lines added at the end", lines(5), lines(5) + "more\nand more\n"],
    ["the last newline removed", lines(5), lines(5).slice(0, -1)],
    ["the last newline added", lines(5).slice(0, -1), lines(5)],
    ["CRLF lines", lines(8).replace(/\n/g, "\r\n"), lines(8).replace(/\n/g, "\r\n").replace("- [ ]", "- [x]").replace("line 4\r\n", "- [x] line 4\r\n")],
    ["blank lines as context", "a\n\n\nb\n\nc\n", "a\n\n\nB\n\nc\n"],
    ["every line replaced", "a\nb\n", "c\nd\ne\n"],
    ["a file emptied", "a\nb\n", ""],
  ];
  it.each(cases)("%s", (_name, before, after) => {
    const patch = unifiedDiff(before, after) as string;
    expect(unapplyPatch(after, patch)).toBe(before);
  });

  it("reads GitHub's own patch form (header counts omitted for one line, a blank context line trimmed)", () => {
    const after = "# Plan\n\n- [x] Done\n";
    expect(unapplyPatch(after, "@@ -1,3 +1,3 @@\n # Plan\n\n-- [ ] Done\n+- [x] Done")).toBe("# Plan\n\n- [ ] Done\n");
    expect(unapplyPatch("x\n", "@@ -1 +1 @@\n-y\n+x")).toBe("y\n");
  });

  it("applies a patch whose lines lost their CR or the BOM to a CRLF file with a BOM", () => {
    const after = "\uFEFF# Plan\r\n\r\n- [x] Done\r\n";
    expect(unapplyPatch(after, "@@ -1,3 +1,3 @@\n # Plan\n \n-- [ ] Done\n+- [x] Done")).toBe("\uFEFF# Plan\r\n\r\n- [ ] Done\n");
  });

  it("is null when the patch does not fit the text (another version, or not a patch)", () => {
    expect(unapplyPatch("a\nb\n", "@@ -1,2 +1,2 @@\n a\n-c\n+d")).toBeNull();
    expect(unapplyPatch("a\n", "Binary files differ")).toBeNull();
    expect(unapplyPatch("a\n", "@@ -1,1 +9,1 @@\n-b\n+a")).toBeNull();
  });
});
