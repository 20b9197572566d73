import { describe, it, expect } from "@jest/globals";
import { readFileSync } from "node:fs";
import { formatsDocPath } from "../../src/config/write-docs.js";
import { renderFormatsDoc } from "../../src/formats/format-docs.js";
import { formats } from "../../src/formats/index.js";
import { FORMAT_IDS } from "../../src/formats/types.js";

describe("docs/formats.md", () => {
  it("is current with src/formats (run `npm run docs` after changing a format)", () => {
    const committed = readFileSync(formatsDocPath, "utf8");
    if (committed !== renderFormatsDoc()) throw new Error("docs/formats.md is out of date: run `npm run docs` and commit the result.");
  });

  it("lists every format id in the detection table, generic last", () => {
    expect(formats.map((f) => f.id).sort()).toEqual([...FORMAT_IDS].sort());
    expect(formats[formats.length - 1].id).toBe("generic");
    const doc = renderFormatsDoc();
    for (const f of formats) for (const marker of f.markers) expect(doc).toContain(`| ${marker.replace(/\|/g, "\\|")} | \`${f.id}\` (${f.name}) |`);
  });
});
