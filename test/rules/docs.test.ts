import { describe, it, expect } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ruleCatalog, rules } from "../../src/rules/index.js";
import { REPOSITORY_URL, ruleDocsUrl } from "../../src/rules/docs-url.js";
import { fixtureFacts } from "../helpers/fixture-facts.js";
import { parsePlan } from "../../src/plan/parse.js";
import { defaultConfig } from "../../src/config/schema.js";

const docsDir = path.resolve(process.cwd(), "docs/rules");
const pages = readdirSync(docsDir).filter((f) => f.endsWith(".md")).map((f) => f.replace(/\.md$/, ""));

describe("rule documentation", () => {
  it("has one page per rule and one rule per page", () => {
    expect(pages.sort()).toEqual(ruleCatalog.map((r) => r.id).sort());
  });

  for (const rule of ruleCatalog) {
    it(`${rule.id}: page has the sections users need and the default severity`, () => {
      const text = readFileSync(path.join(docsDir, `${rule.id}.md`), "utf8");
      expect(text.startsWith(`# ${rule.id}\n`)).toBe(true);
      for (const heading of ["## Why", "## Failing", "## Passing", "## Configure"]) expect(text).toContain(`\n${heading}\n`);
      expect(text).toContain(`  ${rule.id}: `); // a `rules:` entry for this rule
      expect(text).toContain(`# ${rule.id}: off`);
      expect(text).toContain(`**${rule.defaultSeverity}**`);
    });
  }

  it("links each rule to its page in the repository", () => {
    expect(ruleDocsUrl("open-questions")).toBe(`${REPOSITORY_URL}/blob/main/docs/rules/open-questions.md`);
    expect(REPOSITORY_URL).toBe("https://github.com/plan-hygiene/plan-hygiene");
  });
});

describe("rule documentation examples", () => {
  const example = (text: string, heading: string) => {
    const part = text.split(`\n## ${heading}\n`)[1]?.split("\n## ")[0] ?? "";
    const code = /```markdown\n([\s\S]*?)```/.exec(part)?.[1] ?? null;
    const quote = part
      .split("\n")
      .filter((l) => l.startsWith(">"))
      .map((l) => l.replace(/^>\s?/, ""))
      .join(" ")
      .replace(/\s+/g, " ")
      .trim();
    return { code, quote };
  };

  for (const rule of rules) {
    const text = readFileSync(path.join(docsDir, `${rule.id}.md`), "utf8");
    const failing = example(text, "Failing");
    const passing = example(text, "Passing");
    if (failing.code === null) continue; // plan-unparseable describes its input instead of showing it
    it(`${rule.id}: the failing example gives the quoted message, the passing one nothing`, () => {
      const messages = rule.check(parsePlan(failing.code!, "example.md"), { ...fixtureFacts(failing.code!), config: defaultConfig }).map((r) => r.message.replace(/\s+/g, " "));
      expect(messages).toContain(failing.quote);
      expect(rule.check(parsePlan(passing.code!, "example.md"), { ...fixtureFacts(passing.code!), config: defaultConfig })).toEqual([]);
    });
  }
});
