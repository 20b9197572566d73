// Starts the built server (`node <dir>/lib/main.js`) as a child process the way a container
// would, waits for /ping, and stops it with a signal. Shared by the packaging and redis tests.
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";

export function testCredentials(): { APP_ID: string; PRIVATE_KEY: string; WEBHOOK_SECRET: string } {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  return { APP_ID: "1", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: "packaging-test-secret" };
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface AppProcess {
  url: string;
  child: ChildProcess;
  /** stdout + stderr so far, one entry per line */
  output(): string[];
  /** sends `signal` and resolves with the exit code (null when killed after `timeoutMs`) */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | null>;
}

export async function startApp(options: { cwd: string; env: Record<string, string>; readyTimeoutMs?: number }): Promise<AppProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(options.cwd, "lib/main.js")], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST: "127.0.0.1", PORT: String(port), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let buffered = "";
  child.stdout!.on("data", (chunk: Buffer) => (buffered += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (buffered += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const output = () => buffered.split("\n").filter((line) => line.trim() !== "");
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 20_000);
  for (;;) {
    if (exitCode !== undefined) throw new Error(`lib/main.js exited with code ${exitCode} before answering /ping:\n${output().join("\n")}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`lib/main.js did not answer GET /ping within the timeout:\n${output().join("\n")}`);
    }
    const ok = await fetch(`${url}/ping`).then((res) => res.ok, () => false);
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    child,
    output,
    async stop(signal = "SIGTERM", timeoutMs = 12_000) {
      if (exitCode !== undefined) return exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
