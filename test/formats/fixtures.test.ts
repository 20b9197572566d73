import { describe, it, expect } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";
import { formats } from "../../src/formats/index.js";

// Every format has ok / not-ok fixtures under test/fixtures/formats/<format-id>/, linted with the
// default config under the path in their `<!-- fixture-path: … -->` line (paths are part of
// detection): each must be detected as its folder's format, and ALL its findings (any rule) must
// equal its `<!-- expect: <rule> <severity>[; …] -->` markers, line by line. ok-*.md files have none.

const root = path.resolve(process.cwd(), "test/fixtures/formats");
const MARKER = /<!--\s*expect:\s*([^>]*?)\s*-->/g;
const PATH = /<!--\s*fixture-path:\s*(\S+)\s*-->/;

function expected(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) for (const item of m[1].split(";")) out.push(`${i + 1} ${item.trim().replace(/\s+/g, " ")}`);
  });
  return out.sort();
}

describe("format fixtures", () => {
  it("has ok and not-ok fixtures for every format", () => {
    for (const format of formats) {
      const files = readdirSync(path.join(root, format.id));
      expect(files.some((f) => f.startsWith("ok-"))).toBe(true);
      expect(files.some((f) => f.startsWith("not-ok-"))).toBe(true);
    }
  });

  for (const format of formats) {
    describe(format.id, () => {
      for (const file of readdirSync(path.join(root, format.id)).filter((f) => f.endsWith(".md"))) {
        it(file, () => {
          const text = readFileSync(path.join(root, format.id, file), "utf8");
          const repoPath = PATH.exec(text)?.[1];
          expect(repoPath).toBeDefined();
          const { plan, findings } = lintText(text, repoPath!, defaultConfig);
          expect(plan.isPlan).toBe(true);
          expect(plan.format.id).toBe(format.id);
          const want = expected(text);
          if (file.startsWith("ok-")) expect(want).toEqual([]);
          else expect(want.length).toBeGreaterThan(0);
          expect({ file, findings: findings.map((f) => `${f.line} ${f.rule} ${f.severity}`).sort() }).toEqual({ file, findings: want });
        });
      }
    });
  }
});
