import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHmac } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

// Starts `node lib/main.js` as a child process (building first when lib/ is missing or older
// than src/) and sends it signed webhooks over HTTP.

const root = process.cwd();

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** `npm run build` unless lib/main.js is newer than every file in src/. */
export function ensureBuilt(): void {
  const main = path.join(root, "lib/main.js");
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(path.join(root, "src"))) return;
  try {
    execFileSync("npm", ["run", "build"], { cwd: root, stdio: "pipe" });
  } catch {
    // tsc emits lib/ even when some file has a type error; main.js must exist though.
  }
  if (!existsSync(main)) throw new Error("npm run build did not produce lib/main.js");
}

export interface MainProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** Spawns lib/main.js with `env` (PORT=0) and resolves once it logs its listening address. */
export function startMain(env: Record<string, string>): Promise<MainProcess> {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["lib/main.js"], { cwd: root, env: { ...inherited, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", ...env }, stdio: "pipe" });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve({ child, url: match[1] as string, output: () => output, exited });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    void exited.then((code) => reject(new Error(`lib/main.js exited (${code}) before listening:\n${output}`)));
  });
}

/** Runs lib/main.js expecting it to refuse to start; returns its exit code and output. */
export async function runMainExpectingExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const { NODE_OPTIONS: _ignored, APP_ID: _a, PRIVATE_KEY: _p, PRIVATE_KEY_PATH: _pp, WEBHOOK_SECRET: _w, ...inherited } = process.env;
  const child = spawn(process.execPath, ["lib/main.js"], { cwd: root, env: { ...inherited, PORT: "0", HOST: "127.0.0.1", ...env }, stdio: "pipe" });
  let output = "";
  child.stdout.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr.on("data", (c: Buffer) => (output += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { code, output };
}

/**
 * The environment that points lib/main.js (production mode) at a fake GitHub served by `listen()`.
 * Scans for failed deliveries are off (REDELIVERY_INTERVAL=0) so request counts stay exact; the
 * redelivery tests turn them on.
 */
export function fakeGitHubEnv(gh: { appId: number }, api: { host: string }, secret: string, privateKey: string): Record<string, string> {
  return { NODE_ENV: "production", APP_ID: String(gh.appId), PRIVATE_KEY: privateKey, WEBHOOK_SECRET: secret, GHE_HOST: api.host, GHE_PROTOCOL: "http", REDELIVERY_INTERVAL: "0" };
}

/** POSTs a webhook signed with `secret` (X-Hub-Signature-256), like GitHub does. */
export async function sendWebhook(url: string, secret: string, name: string, payload: unknown, options: { signature?: string; delivery?: string } = {}): Promise<Response> {
  const body = JSON.stringify(payload);
  const signature = options.signature ?? `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
  return fetch(`${url}/api/github/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-github-event": name, "x-github-delivery": options.delivery ?? crypto.randomUUID(), "x-hub-signature-256": signature },
    body,
  });
}

/** The app's one-line delivery summaries (JSON log lines with `delivery` and `apiRequests`) for delivery id `id`. */
export function deliverySummaries(main: MainProcess, id: string): Record<string, unknown>[] {
  return main
    .output()
    .split("\n")
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        return entry.delivery === id && typeof entry.apiRequests === "number" ? [entry] : [];
      } catch {
        return [];
      }
    });
}

/**
 * Sends a signed webhook (`delivery` id reused for a redelivery) and waits, bounded, for the app
 * to log that delivery's summary line: the handler has finished, so the fake's state is final.
 */
export async function deliver(main: MainProcess, secret: string, name: string, payload: unknown, options: { delivery?: string; timeoutMs?: number } = {}): Promise<{ status: number; summary: Record<string, unknown> }> {
  const delivery = options.delivery ?? crypto.randomUUID();
  const seen = deliverySummaries(main, delivery).length;
  const res = await sendWebhook(main.url, secret, name, payload, { delivery });
  await res.text();
  await waitFor(() => deliverySummaries(main, delivery).length > seen, options.timeoutMs);
  return { status: res.status, summary: deliverySummaries(main, delivery)[seen] as Record<string, unknown> };
}

export async function waitFor(condition: () => boolean, timeoutMs = 20000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error("timed out waiting for a condition");
    await new Promise((r) => setTimeout(r, 50));
  }
}
