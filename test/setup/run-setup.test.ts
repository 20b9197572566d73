import { describe, it, expect, afterEach, beforeAll } from "@jest/globals";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { needsSetup } from "../../src/setup/needs-setup.js";
import { loadDotEnv } from "../../src/setup/load-dot-env.js";
import { freePort, testCredentials } from "../observability/app-process.js";
import { ensureBuilt } from "../e2e/main-process.js";

// `npm run setup` opens Probot's manifest flow (lib/setup/cli.js → run-setup.js, built first
// when lib/ is stale). Run in a scratch directory: it reads app.yml there and writes .env there.

beforeAll(() => ensureBuilt());

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("needsSetup", () => {
  it("is true without an app id or key, never in production", () => {
    dir = mkdtempSync(join(tmpdir(), "plan-hygiene-setup-"));
    expect(needsSetup({}, dir)).toBe(true);
    expect(needsSetup({ APP_ID: "1" }, dir)).toBe(true);
    expect(needsSetup({ APP_ID: "1", PRIVATE_KEY_PATH: "key.pem" }, dir)).toBe(false);
    expect(needsSetup({ NODE_ENV: "production" }, dir)).toBe(false);
    writeFileSync(join(dir, "app.private-key.pem"), "");
    expect(needsSetup({ APP_ID: "1" }, dir)).toBe(false);
  });
});

describe("loadDotEnv", () => {
  it("reads .env without overriding what the environment already sets", () => {
    dir = mkdtempSync(join(tmpdir(), "plan-hygiene-setup-"));
    expect(loadDotEnv(join(dir, ".env"))).toBe(false);
    writeFileSync(join(dir, ".env"), "PLAN_HYGIENE_TEST_A=from-file\nPLAN_HYGIENE_TEST_B=\"line1\\nline2\"\n");
    process.env.PLAN_HYGIENE_TEST_A = "from-env";
    try {
      expect(loadDotEnv(join(dir, ".env"))).toBe(true);
      expect(process.env.PLAN_HYGIENE_TEST_A).toBe("from-env");
      expect(process.env.PLAN_HYGIENE_TEST_B).toBe("line1\nline2");
    } finally {
      delete process.env.PLAN_HYGIENE_TEST_A;
      delete process.env.PLAN_HYGIENE_TEST_B;
    }
  });
});

describe("npm run setup (lib/setup/cli.js)", () => {
  it("does nothing but say so when credentials are already in .env", async () => {
    dir = mkdtempSync(join(tmpdir(), "plan-hygiene-setup-"));
    writeFileSync(join(dir, ".env"), `APP_ID=7\nPRIVATE_KEY_PATH=./key.pem\n`);
    const cli = spawn(process.execPath, [join(process.cwd(), "lib/setup/cli.js")], { cwd: dir, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    cli.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise((resolve) => cli.on("exit", resolve));
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining("plan-hygiene is already configured") });
  });
});

describe("runSetup", () => {
  it("offers app.yml to GitHub's manifest flow and writes imported credentials to .env", async () => {
    dir = mkdtempSync(join(tmpdir(), "plan-hygiene-setup-"));
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "plan-hygiene", version: "0.0.0", description: "test" }));
    writeFileSync(join(dir, "app.yml"), "name: plan-hygiene-test\ndefault_permissions:\n  checks: write\ndefault_events:\n  - pull_request\n");
    const port = await freePort();
    const entry = pathToFileURL(join(process.cwd(), "lib/setup/run-setup.js")).href;
    child = spawn(process.execPath, ["--input-type=module", "-e", `(await import(${JSON.stringify(entry)})).runSetup()`], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? "", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn" },
      stdio: "ignore",
    });
    const url = `http://127.0.0.1:${port}`;
    let page: Response | undefined;
    for (let i = 0; i < 100 && !page; i++) {
      page = await fetch(`${url}/probot`).catch(() => undefined);
      if (!page) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(page?.status).toBe(200);
    const html = await page!.text();
    expect(html).toContain("https://github.com/settings/apps/new");
    expect(html).toContain("plan-hygiene-test");
    expect(html).toMatch(/default_permissions.{0,20}checks.{0,20}write/);

    const { PRIVATE_KEY, WEBHOOK_SECRET } = testCredentials();
    const imported = await fetch(`${url}/probot/import`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ appId: "321", pem: PRIVATE_KEY, webhook_secret: WEBHOOK_SECRET }) });
    expect(imported.status).toBe(200);
    const env = readFileSync(join(dir, ".env"), "utf8");
    expect(env).toContain("APP_ID=321");
    expect(env).toContain(`WEBHOOK_SECRET=${WEBHOOK_SECRET}`);
    expect(env).toContain("PRIVATE_KEY=\"-----BEGIN RSA PRIVATE KEY-----\\n");
  });
});
