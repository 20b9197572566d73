import { describe, it, expect } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { PassThrough } from "node:stream";
import { createLogger } from "../../src/observability/create-logger.js";
import { readLogOptions } from "../../src/observability/log-options.js";
import { scrubSecrets } from "../../src/observability/scrub-secrets.js";

const installationToken = "ghs_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
const personalToken = "github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz";
const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpYXQiOjE3MDAwMDAwMDAsImlzcyI6MX0.c2lnbmF0dXJlc2lnbmF0dXJl";
const pem = generateKeyPairSync("rsa", { modulusLength: 1024, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } }).privateKey;
const pemBody = pem.split("\n")[1];

async function capture(env: NodeJS.ProcessEnv, log: (logger: Awaited<ReturnType<typeof createLogger>>) => void): Promise<string> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const logger = await createLogger({ env, destination: out });
  log(logger);
  await new Promise((resolve) => setImmediate(resolve));
  return chunks.join("");
}

describe("createLogger", () => {
  it("writes one JSON object per line with LOG_FORMAT=json", async () => {
    const text = await capture({ LOG_FORMAT: "json" }, (log) => {
      log.info({ delivery: "d-1", outcome: "ok" }, "delivery pull_request.opened: ok");
      log.child({ name: "event", id: "d-2" }).warn("second");
    });
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, delivery: "d-1", outcome: "ok", msg: "delivery pull_request.opened: ok" });
    expect(lines[1]).toMatchObject({ level: 40, name: "event", id: "d-2", msg: "second" });
  });

  it("is JSON by default in production and pretty by default in development", async () => {
    const production = await capture({ NODE_ENV: "production" }, (log) => log.info("hello"));
    expect(JSON.parse(production)).toMatchObject({ msg: "hello" });
    const development = await capture({}, (log) => log.info("hello"));
    expect(development).toContain("hello");
    expect(() => JSON.parse(development)).toThrow();
  });

  it("honours LOG_LEVEL and rejects an unknown one with a clear message", async () => {
    const text = await capture({ LOG_FORMAT: "json", LOG_LEVEL: "warn" }, (log) => { log.info("hidden"); log.warn("shown"); });
    expect(text).not.toContain("hidden");
    expect(text).toContain("shown");
    expect(() => readLogOptions({ LOG_LEVEL: "verbose" } as unknown as NodeJS.ProcessEnv)).toThrow('LOG_LEVEL is "verbose", expected one of trace, debug, info, warn, error, fatal');
  });

  it("never writes tokens, keys or signatures, whether in fields, messages or errors", async () => {
    const text = await capture({ LOG_FORMAT: "json" }, (log) => {
      log.info({ headers: { authorization: `token ${installationToken}`, "x-hub-signature-256": "sha256=" + "ab".repeat(32) } }, "request");
      log.info({ request: { headers: { authorization: `bearer ${jwt}` } }, token: installationToken, privateKey: pem }, "nested");
      log.info(`fetched ${installationToken} and ${personalToken} for redis://default:hunter2secret@redis:6379`);
      log.error(new Error(`could not sign with ${pem}`), "failed");
      log.info({ note: `Authorization: Bearer ${jwt}` }, "free text");
    });
    for (const secret of [installationToken, personalToken, jwt, pemBody, "hunter2secret", "ab".repeat(32)]) expect(text).not.toContain(secret);
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(5);
    expect(lines[0].headers.authorization).toBe("[REDACTED]");
    expect(lines[1]).toMatchObject({ token: "[REDACTED]", privateKey: "[REDACTED]", request: { headers: { authorization: "[REDACTED]" } } });
    expect(lines[2].msg).toBe("fetched [REDACTED] and [REDACTED] for redis://default:[REDACTED]@redis:6379");
    expect(lines[3].err.message).toBe("could not sign with [REDACTED]\n");
    expect(lines[0].headers["x-hub-signature-256"]).toBe("[REDACTED]");
    expect(lines[4].note).toBe("Authorization: Bearer [REDACTED]");
  });
});

describe("scrubSecrets", () => {
  it("keeps ordinary text, ids and SHAs", () => {
    const text = "delivery 72d3162e-cc78-11e3-81ab-4c9367dc0958 at 6dcb09b5b57875f334f61aebed695e2e4193db5e: invalid token provided";
    expect(scrubSecrets(text)).toBe(text);
  });

  it("redacts a PEM key with JSON-escaped newlines", () => {
    expect(scrubSecrets(JSON.stringify({ key: pem }))).toBe('{"key":"[REDACTED]\\n"}');
  });
});
