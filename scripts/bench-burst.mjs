// The burst section of `npm run bench` (alone: `npm run bench:burst`, options after `--`:
// `--prs N --timeout S --variants plain,redis`). The burst drives the fake GitHub, which lives in
// test/helpers/ as TypeScript and is not compiled to lib/, so its entry (test/bench/burst-main.ts)
// is bundled here with the pinned esbuild, node_modules left external, into a temporary folder
// inside the repository (so those imports resolve), then run with node in a process group of its
// own: it starts `node lib/main.js` and redis-server, and the whole group is killed if it outlives
// its time. Whatever happens this script exits 0: a benchmark never fails the build.
import { build } from "esbuild";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const burstEntry = "test/bench/burst-main.ts";

/** The fake's nock transport is never used by the bench: leave nock (which patches http and fetch on import) out. */
const withoutNock = {
  name: "without-nock",
  setup(b) {
    b.onResolve({ filter: /^nock$/ }, () => ({ path: "nock", namespace: "without-nock" }));
    b.onLoad({ filter: /.*/, namespace: "without-nock" }, () => ({ contents: "export default function nock() { throw new Error('nock is not bundled into the bench'); }", loader: "js" }));
  },
};

/** Bundles the burst entry to `outfile` (or in memory when omitted); returns the bundle's text. */
export async function buildBurstBundle(outfile) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [burstEntry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    packages: "external",
    plugins: [withoutNock],
    write: outfile !== undefined,
    outfile: outfile ?? join(root, "burst.mjs"),
    logLevel: "warning",
  });
  return result.outputFiles?.[0]?.text ?? null;
}

async function main() {
  const args = process.argv.slice(2);
  const { values } = parseArgs({ args, options: { timeout: { type: "string" }, variants: { type: "string" } }, strict: false });
  const variants = String(values.variants ?? "plain,redis").split(",").length;
  // per variant: the burst's own timeout, plus start-up and shutdown
  const limitMs = variants * ((Number(values.timeout) || 300) + 90) * 1000;
  const dir = mkdtempSync(join(root, ".bench-burst-"));
  try {
    const outfile = join(dir, "burst-main.mjs");
    await buildBurstBundle(outfile);
    const { NODE_OPTIONS: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [outfile, ...args], { cwd: root, env, stdio: "inherit", detached: true });
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      process.stdout.write(`burst bench: stopped after ${limitMs / 1000} s\n`);
      killGroup("SIGKILL");
    }, limitMs);
    const forward = (signal) => () => killGroup(signal === "SIGINT" ? "SIGKILL" : signal);
    process.once("SIGINT", forward("SIGINT"));
    process.once("SIGTERM", forward("SIGTERM"));
    await new Promise((resolveExit) => child.once("exit", resolveExit));
    clearTimeout(timer);
    // anything it started and left behind (lib/main.js, redis-server) goes with the group
    killGroup("SIGKILL");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error) => {
      process.stdout.write(`burst bench could not run: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(0);
    },
  );
}
