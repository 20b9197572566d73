import { describe, it, expect } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";
import { rules } from "../../src/rules/index.js";
import { fixtureFacts } from "../helpers/fixture-facts.js";

// Every fixture under test/fixtures/rules/<rule-id>/ is linted with the default config; the
// findings of that rule must equal the `<!-- expect: <rule> <severity>[; …] -->` markers,
// line by line. ok-*.md files carry no markers, so they must produce none of the rule's findings.
// Rules that need repository facts read them from the fixture's own comments (fixtureFacts).

const root = path.resolve(process.cwd(), "test/fixtures/rules");
const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;

function expectedFindings(text: string): string[] {
  const expected: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) {
      for (const item of m[1].split(";")) {
        const [rule, severity] = item.trim().split(/\s+/);
        expected.push(`${i + 1} ${rule} ${severity}`);
      }
    }
  });
  return expected.sort();
}

const ruleDirs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe("rule fixtures", () => {
  it("has a fixture folder with ok and not-ok files for every rule, and no folder without a rule", () => {
    expect(ruleDirs.sort()).toEqual(rules.map((r) => r.id).sort());
    for (const dir of ruleDirs) {
      const files = readdirSync(path.join(root, dir));
      expect(files.some((f) => f.startsWith("ok-"))).toBe(true);
      expect(files.some((f) => f.startsWith("not-ok-"))).toBe(true);
    }
  });

  for (const dir of ruleDirs) {
    describe(dir, () => {
      for (const file of readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".md"))) {
        it(file, () => {
          const text = readFileSync(path.join(root, dir, file), "utf8");
          const { plan, findings } = lintText(text, `${dir}/${file}`, defaultConfig, fixtureFacts(text));
          if (!plan.unparseable) expect(plan.isPlan).toBe(true);
          const expected = expectedFindings(text);
          expect(expected.every((e) => e.split(" ")[1] === dir)).toBe(true);
          if (file.startsWith("ok-")) expect(expected).toEqual([]);
          else expect(expected.length).toBeGreaterThan(0);
          const actual = findings
            .filter((f) => f.rule === dir)
            .map((f) => `${f.line} ${f.rule} ${f.severity}`)
            .sort();
          expect({ file, findings: actual }).toEqual({ file, findings: expected });
          expect(findings.filter((f) => f.rule === "internal-error")).toEqual([]);
        });
      }
    });
  }
});
