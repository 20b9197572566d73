import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";
import { codeSpan, escapeText } from "../../src/report/escape-markdown.js";
import { buildCheckRun } from "../../src/report/check-run.js";
import { buildStickyComment } from "../../src/report/sticky-comment.js";
import type { CheckReport } from "../../src/report/check-report.js";

// User text rendered by GitHub's markdown must stay text: no mentions, HTML, links or table breaks.

type Node = { type: string; value?: string; url?: string; children?: Node[] };
const parse = (md: string) => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as Node;
const walk = (node: Node, visit: (n: Node) => void): void => {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
};
// GitHub links @user / @org/team when "@" follows a non-word character and precedes a login.
const MENTION = /(?:^|[^\w`])@[A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_-]+)?/;

function renderedText(md: string): { text: string[]; html: string[]; links: string[]; nodes: Node } {
  const tree = parse(md);
  const out = { text: [] as string[], html: [] as string[], links: [] as string[], nodes: tree };
  walk(tree, (n) => {
    if (n.type === "text") out.text.push(n.value ?? "");
    if (n.type === "html") out.html.push(n.value ?? "");
    if (n.type === "link") out.links.push(n.url ?? "");
  });
  return out;
}

describe("escapeText", () => {
  it("keeps arbitrary text as one literal text run with no mention, HTML or link", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("@", "a", "b", "/", "-", "<", ">", "[", "]", "(", ")", "|", "\n", "`", "*", "_", "!", "&", "#", ":", " ", "\\", "h", "t", "p", "s", "1", ".") }), (raw) => {
        const rendered = renderedText(`x ${escapeText(raw)}`);
        expect(rendered.html).toEqual([]);
        expect(rendered.links).toEqual([]);
        expect(rendered.text.join("")).not.toMatch(MENTION);
      }),
      { numRuns: 500 },
    );
  });

  it("renders to the original characters (minus line breaks)", () => {
    const raw = "Ping @org/team & <b>bold</b> | [x](http://evil) `code` *em* #1";
    const shown = renderedText(escapeText(raw)).text.join("").replace(/\u200d/g, "");
    expect(shown).toBe(raw);
  });

  it("a table cell stays one cell", () => {
    const row = `| ${escapeText("a | b\nc")} | ${codeSpan("p|q`r")} |`;
    const tree = parse(`| A | B |\n| --- | --- |\n${row}\n`);
    const table = tree.children?.[0];
    expect(table?.type).toBe("table");
    expect(table?.children?.[1]?.children).toHaveLength(2);
  });
});

describe("sticky comment and check summary with hostile plan text", () => {
  const hostile = [
    "# Plan: ping @org/security-team <img src=x onerror=alert(1)>",
    "",
    "**Status:** In Progress @everyone",
    "",
    "## Overview",
    "",
    "Hello",
    "",
    "## Implementation Phases",
    "",
    "## Phase 1: Notify @octocat | break [click](https://evil.example) <script>",
    "",
    "**File**: `src/a|b.ts`",
    "",
    "#### Automated Verification:",
    "- [ ] `npm test` @org/team",
    "",
    "**Confirmation Gate**: @org/reviewers confirm",
    "",
    "## Open Questions",
    "",
    "- [ ] Should we tell @org/team? <b>yes</b>",
    "",
  ].join("\n");
  const path = "docs/plans/@org|team.md";
  const { plan, findings } = lintText(hostile, path, defaultConfig);
  const report: CheckReport = {
    repoUrl: "https://github.com/o/r",
    headSha: "a".repeat(40),
    number: 7,
    plans: [{ path, plan, findings, changed: true }],
    configErrors: [],
    truncatedAt: null,
    unreadable: [],
    changedFiles: [path, "src/a|b.ts", "src/@org/x.ts"],
  };

  for (const [name, markdown] of [
    ["sticky comment", buildStickyComment(report)],
    ["check summary", buildCheckRun(report).output.summary],
  ] as const) {
    it(`${name}: no mention, no HTML but our marker, only our links, intact tables`, () => {
      const rendered = renderedText(markdown);
      expect(rendered.text.join("\n")).not.toMatch(MENTION);
      // only our own HTML: the hidden marker and <sub></sub>
      for (const html of rendered.html) expect(["<!-- plan-hygiene:summary -->", "<sub>", "</sub>"]).toContain(html);
      for (const url of rendered.links) expect(url).toMatch(/^https:\/\/github\.com\/(o\/r|plan-hygiene\/plan-hygiene)\//);
      walk(rendered.nodes, (n) => {
        if (n.type !== "table") return;
        const width = n.children?.[0]?.children?.length;
        for (const row of n.children ?? []) expect(row.children).toHaveLength(width as number);
      });
    });
  }
});
