import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Nodes } from "mdast";
import { parseMarkdown } from "../../src/plan/markdown.js";
import { openConstructEnd } from "../../src/plan/chunks.js";
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

describe("openConstructEnd", () => {
  const parse = (text: string) => parseMarkdown(text, 0, Number.MAX_SAFE_INTEGER).root!;

  it("sees a fenced block that closes inside the piece as closed, wherever the block starts", () => {
    const piece = "# Plan\n\nSome text.\n\n```ts\nconst a = 1;\n```\n\n";
    const source = piece + "## Next\n\n```sh\nnpm test\n```\n";
    const root = parse(piece);
    expect(openConstructEnd(source, root.children[root.children.length - 1], 0, piece.length)).toBeNull();
    // the same piece starting later in a document
    const offset = "intro\n\n".length;
    const later = "intro\n\n" + source;
    expect(openConstructEnd(later, root.children[root.children.length - 1], offset, offset + piece.length)).toBeNull();
  });

  it("finds where a fenced block cut off by the piece really ends", () => {
    const source = "# Plan\n\n```md\n## not a heading\n\nstill code\n```\n\n## Real\n";
    const pieceEnd = source.indexOf("still code");
    const root = parse(source.slice(0, pieceEnd));
    const end = openConstructEnd(source, root.children[root.children.length - 1], 0, pieceEnd);
    expect(source.slice(0, end!)).toBe("# Plan\n\n```md\n## not a heading\n\nstill code\n```");
  });
});
