import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";

// The committed dist/action.js must be what `npm run package` builds from the current source:
// a runner runs the committed file, never the source. After changing src/ (or merging a branch
// that did), run `npm run package` and commit dist/action.js.
describe("dist/action.js", () => {
  it("is what `npm run package` builds from the current source", () => {
    const r = spawnSync(process.execPath, ["scripts/package.mjs", "--check"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${r.stderr.trim() || r.stdout.trim()}\n\nThe committed bundle is stale: run \`npm run package\` and commit dist/action.js.`);
    expect(r.stdout).toContain("dist/action.js is current");
  });
});
