import { describe, it, expect } from "@jest/globals";
import { fence, formatDiff } from "../../src/commands/format-diff.js";
import { splice } from "../../src/edit/splice.js";
import { escapeText } from "../../src/commands/escape-text.js";

describe("formatDiff", () => {
  it("shows each changed line once, merging edits on neighbouring lines, with shifted new line numbers", () => {
    const text = "# T\r\n- [ ] a\r\n- [ ] b\r\n\r\nGate: ok\r\nend\r\n";
    const edits = [
      { start: text.indexOf("[ ] a") + 1, end: text.indexOf("[ ] a") + 2, insert: "x" },
      { start: text.indexOf("[ ] b") + 1, end: text.indexOf("[ ] b") + 2, insert: "x" },
      { start: text.indexOf("Gate: ok") + 8, end: text.indexOf("Gate: ok") + 8, insert: "\r\n\r\n✅ Confirmed" },
    ];
    expect(formatDiff("p.md", text, edits)).toBe(
      ["--- a/p.md", "+++ b/p.md", "@@ -2,2 +2,2 @@", "-- [ ] a", "-- [ ] b", "+- [x] a", "+- [x] b", "@@ -5,1 +5,3 @@", "-Gate: ok", "+Gate: ok", "+", "+✅ Confirmed"].join("\n"),
    );
    // the + lines are exactly the edited text's lines
    const edited = splice(text, edits).split("\r\n");
    expect(edited.slice(4, 7)).toEqual(["Gate: ok", "", "✅ Confirmed"]);
  });

  it("fences with more backticks than the content holds", () => {
    expect(fence("diff", "a ```` b")).toBe("`````diff\na ```` b\n`````");
    expect(fence("diff", "plain")).toBe("```diff\nplain\n```");
  });
});

describe("escapeText", () => {
  it("neutralises mentions, references, HTML and table pipes", () => {
    const out = escapeText("ping @org/team and #12 <img src=x> a|b");
    expect(out).not.toMatch(/@org/);
    expect(out).toContain("@\u200borg/team");
    expect(out).toContain("#\u200b12");
    expect(out).toContain("&lt;img src=x&gt;");
    expect(out).toContain("a\\|b");
  });
});
