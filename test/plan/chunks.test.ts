import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Nodes } from "mdast";
import { parseMarkdown } from "../../src/plan/markdown.js";
import { readShared, sharedDir } from "./shared-dir.js";

// Parsing in pieces (src/plan/chunks.ts) must give the tree a whole-document parse gives:
// same node types at the same offsets. Small pieces make every cut and every extension past an
// open fence or HTML block happen many times per file.
function shape(node: Nodes): unknown {
  const pos = node.position;
  const here = [node.type, pos?.start.offset, pos?.end.offset, "value" in node ? node.value : null];
  return "children" in node ? [...here, (node.children as Nodes[]).map(shape)] : here;
}

const files = readdirSync(path.join(sharedDir, "corpus/files")).filter((f) => f.endsWith(".md")).sort();
const whole = (text: string) => parseMarkdown(text, 0, Number.MAX_SAFE_INTEGER);

describe("parsing in pieces equals parsing the whole document", () => {
  it.each(files)("%s", (file) => {
    const text = readShared(`corpus/files/${file}`);
    const expected = whole(text);
    for (const size of [512, 4096]) {
      const pieces = parseMarkdown(text, 0, size);
      expect(pieces.root && shape(pieces.root)).toEqual(expected.root && shape(expected.root));
    }
  });

  it("on the whole corpus concatenated (constructs left open across many cuts)", () => {
    const text = files.map((f) => readShared(`corpus/files/${f}`)).join("\n");
    expect(shape(parseMarkdown(text, 0, 2048).root!)).toEqual(shape(whole(text).root!));
  });
});
