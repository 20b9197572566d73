import { describe, it, expect, beforeAll, afterAll } from "@jest/globals";
import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startApp, testCredentials } from "./observability/app-process.js";
import { ensureBuilt } from "./e2e/main-process.js";

// Reproduces the Dockerfile without Docker: `npm pack` (package.json "files"), a production-only
// `npm ci --omit=dev` of the unpacked package with the lock file, then `node lib/main.js` with the
// image's environment. A runtime dependency left in devDependencies, or a file missing from
// "files", fails here. Builds first when lib/ is stale; needs the npm registry (or its cache).

const run = promisify(execFile);
const root = process.cwd();
let work: string;
let app: string;
let packed: string[];

beforeAll(async () => {
  ensureBuilt(); // `npm run build` when lib/ is missing or older than src/
  work = mkdtempSync(join(tmpdir(), "plan-hygiene-pack-"));
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: root });
  const [info] = JSON.parse(stdout) as Array<{ filename: string; files: Array<{ path: string }> }>;
  packed = info.files.map((file) => file.path);
  app = join(work, "app");
  mkdirSync(app);
  await run("tar", ["-xzf", join(work, info.filename), "-C", app, "--strip-components=1"]);
  copyFileSync(join(root, "package-lock.json"), join(app, "package-lock.json"));
  await run("npm", ["ci", "--omit=dev", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app, maxBuffer: 16 << 20 })
    .catch((error: { stderr?: string }) => { throw new Error(`production install of the packed package failed:\n${error.stderr}`); });
}, 240_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("the packed package (what the Docker image runs)", () => {
  it("ships the server, the app manifest and the config schema, and no sources, tests or secrets", () => {
    expect(packed).toEqual(expect.arrayContaining(["package.json", "lib/main.js", "app.yml", "schema/plan-hygiene.schema.json"]));
    const unwanted = packed.filter((path) => /^(src|test|\.ci|deploy)\/|(^|\/)\.env$|\.pem$|\.tgz$/.test(path));
    expect(unwanted).toEqual([]);
  });

  it("installs no dev dependency, and ioredis where Probot's throttling imports it (REDIS_URL)", () => {
    expect(existsSync(join(app, "node_modules/typescript"))).toBe(false);
    expect(existsSync(join(app, "node_modules/jest"))).toBe(false);
    // probot's get-octokit-throttle-options does npxImport("ioredis@5.9.3", { onlyPackageRunner: true }),
    // which outside `npx` is a plain import() from npx-import-light's own location.
    const fromNpxImport = createRequire(join(app, "node_modules/npx-import-light/index.js"));
    expect(fromNpxImport.resolve("ioredis")).toBe(join(app, "node_modules/ioredis/built/index.js"));
  });

  it("starts with production dependencies only, answers /ping, logs JSON, and exits 0 on SIGTERM", async () => {
    const server = await startApp({
      cwd: app,
      // REDELIVERY_INTERVAL=0: no scan for failed deliveries against the real api.github.com.
      env: { ...testCredentials(), NODE_ENV: "production", LOG_FORMAT: "json", HOST: "127.0.0.1", REDELIVERY_INTERVAL: "0" },
    });
    const ping = await fetch(`${server.url}/ping`);
    expect(ping.status).toBe(200);
    const code = await server.stop("SIGTERM");
    const lines = server.output();
    expect({ code, lines }).toEqual({ code: 0, lines });
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
  });
});
