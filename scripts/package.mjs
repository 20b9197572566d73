// `npm run package`: bundles the Action (src/action/main.ts and everything it imports, node_modules
// included) into the one committed file action.yml runs, dist/action.js. A runner downloads the
// repository at a tag and runs `node dist/action.js` with no `npm install`. The same source and
// the same (pinned) esbuild give the same bytes: test/action/bundle-fresh.test.ts holds the
// committed file to that. `--check` builds in memory and exits 1 when dist/action.js differs.
import { build } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const bundlePath = resolve(root, "dist/action.js");

/** The bundle's text, built from the current source. */
export async function buildActionBundle() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["src/action/main.ts"],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    write: false,
    outfile: bundlePath,
    legalComments: "eof",
    charset: "utf8",
    logLevel: "warning",
    // Some dependencies are CommonJS and `require` Node's built-ins; an ESM bundle needs a real `require` for them.
    banner: { js: `// plan-hygiene Action bundle: built by \`npm run package\` from src/ (do not edit).\nimport { createRequire as __phCreateRequire } from "node:module";\nconst require = __phCreateRequire(import.meta.url);` },
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await buildActionBundle();
  if (process.argv.includes("--check")) {
    let committed = null;
    try {
      committed = readFileSync(bundlePath, "utf8");
    } catch {}
    if (committed !== text) {
      process.stderr.write("dist/action.js is not what the current source builds: run `npm run package` and commit dist/action.js\n");
      process.exit(1);
    }
    process.stdout.write("dist/action.js is current\n");
  } else {
    mkdirSync(dirname(bundlePath), { recursive: true });
    writeFileSync(bundlePath, text);
    process.stdout.write(`dist/action.js: ${Buffer.byteLength(text)} bytes\n`);
  }
}
