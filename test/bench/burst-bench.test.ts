import { describe, expect, it } from "@jest/globals";
import { spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import { ensureBuilt } from "../e2e/main-process.js";

// `npm run bench`'s burst section is not a test and asserts no figure, but it must not rot: the
// script bundles test/bench/burst-main.ts with esbuild and runs a burst of 3 PRs (without Redis)
// end to end, prints its row, exits 0 and leaves no temporary bundle behind.

function run(args: string[], timeoutMs: number): Promise<{ code: number | null; output: string }> {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ["scripts/bench-burst.mjs", ...args], { cwd: process.cwd(), env, stdio: "pipe" });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  return new Promise((resolve) =>
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

describe("npm run bench: the burst section", () => {
  it("bundles and runs a 3-PR burst: one row, 3 comments and 3 completed runs, exit 0", async () => {
    ensureBuilt();
    const { code, output } = await run(["--prs", "3", "--variants", "plain", "--timeout", "40"], 90_000);
    expect(code).toBe(0);
    const row = output.split("\n").find((line) => line.startsWith("no Redis "));
    expect(row).toBeDefined();
    expect(row).toMatch(/^no Redis\s+3\s+[\d.]+ s\s/);
    expect(row).toMatch(/3 \/ 3$/);
    expect(readdirSync(process.cwd()).filter((name) => name.startsWith(".bench-burst-"))).toEqual([]);
  }, 120_000);
});
