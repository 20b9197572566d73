import { describe, it, expect, beforeAll, afterAll } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { createRequire } from "node:module";
import { createProbot, type Probot } from "probot";
import { createLogger } from "../../src/observability/create-logger.js";
import { createAppMetrics } from "../../src/observability/app-metrics.js";
import { createInFlight } from "../../src/observability/in-flight.js";
import { noteDelivery, withDeliveryLog } from "../../src/observability/delivery-log.js";

type Example = { name: string; examples: Array<Record<string, unknown> & { action?: string }> };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Example[];
// The example payloads carry no installation; give them one so Probot authenticates as it would in production.
const payload = (name: string, action: string) => ({ ...examples.find((e) => e.name === name)!.examples.find((x) => x.action === action)!, installation: { id: 42 } });

const token = "ghs_" + "Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4J3i2";
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

// A just-enough GitHub: installation tokens, and any GET answered with rate-limit headers;
// /fail answers 404.
let github: Server;
let requests: string[] = [];
let remaining = 4999;
beforeAll(async () => {
  github = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    const headers = { "content-type": "application/json", "x-ratelimit-remaining": String(remaining--), "x-ratelimit-resource": req.url?.includes("graphql") ? "graphql" : "core" };
    if (req.url?.endsWith("/access_tokens")) return void res.writeHead(201, headers).end(JSON.stringify({ token, expires_at: new Date(Date.now() + 3600e3).toISOString() }));
    if (req.url?.includes("/fail")) return void res.writeHead(404, headers).end(JSON.stringify({ message: "Not Found" }));
    res.writeHead(200, headers).end(JSON.stringify({ ok: true }));
  });
  await new Promise<void>((resolve) => github.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise((resolve) => github.close(resolve)));

async function setup(): Promise<{ probot: Probot; lines: () => Record<string, any>[] }> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk.toString()));
  const log = await createLogger({ env: { LOG_FORMAT: "json", LOG_LEVEL: "info" }, destination: out });
  const port = (github.address() as AddressInfo).port;
  const probot = createProbot({ env: {}, overrides: { appId: 1, privateKey, secret: "s", log, baseUrl: `http://127.0.0.1:${port}` } });
  await probot.ready();
  return { probot, lines: () => chunks.join("").trimEnd().split("\n").filter(Boolean).map((line) => JSON.parse(line)) };
}

describe("withDeliveryLog", () => {
  it("logs one line per delivery with its facts, counts API requests, feeds the metrics", async () => {
    const { probot, lines } = await setup();
    const metrics = createAppMetrics();
    const inFlight = createInFlight();
    requests = [];
    probot.on("pull_request.opened", withDeliveryLog(async (context) => {
      await context.octokit.request("GET /repos/{owner}/{repo}", context.repo());
      await context.octokit.graphql("query { viewer { login } }");
      context.log.info({ authorization: `token ${token}` }, `using ${token}`);
      noteDelivery(context, { plans: 2 });
    }, { metrics, inFlight }));
    const opened = payload("pull_request", "opened");
    await probot.receive({ id: "delivery-1", name: "pull_request", payload: opened } as never);

    expect(requests).toEqual(["POST /app/installations/42/access_tokens", "GET /repos/Codertocat/Hello-World", "POST /graphql"]);
    const all = lines();
    expect(JSON.stringify(all)).not.toContain(token);
    const summaries = all.filter((line) => line.delivery === "delivery-1");
    expect(summaries).toHaveLength(1);
    expect(summaries[0]).toMatchObject({
      level: 30, name: "event", id: "delivery-1", delivery: "delivery-1", event: "pull_request.opened", repo: "Codertocat/Hello-World",
      pr: 2, plans: 2, apiRequests: 3, outcome: "ok",
      msg: expect.stringMatching(/^delivery pull_request\.opened Codertocat\/Hello-World#2: ok in \d+ ms, 3 API requests$/),
    });
    expect(typeof summaries[0].durationMs).toBe("number");
    const text = metrics.registry.render();
    expect(text).toContain('plan_hygiene_deliveries_total{event="pull_request.opened",outcome="ok"} 1\n');
    expect(text).toContain('plan_hygiene_github_api_requests_total{status="201"} 1\n');
    expect(text).toContain('plan_hygiene_github_api_requests_total{status="200"} 2\n');
    expect(text).toContain(`plan_hygiene_github_rate_limit_remaining{resource="graphql"} ${remaining + 1}\n`);
    expect(text).toContain('plan_hygiene_handler_duration_seconds_count{event="pull_request.opened"} 1\n');
    expect(inFlight.size).toBe(0);
  });

  it("records a skip and errors (rethrown to Probot, secrets scrubbed)", async () => {
    const { probot, lines } = await setup();
    const metrics = createAppMetrics();
    probot.on("issue_comment.created", withDeliveryLog(async () => ({ outcome: "skipped" as const, reason: "not a /plan command" }), { metrics }));
    probot.on("pull_request.closed", withDeliveryLog(async (context) => {
      await context.octokit.request("GET /fail");
    }, { metrics }));
    probot.on("pull_request.synchronize", withDeliveryLog(async () => {
      throw new Error(`Bad credentials: token ${token}`);
    }));
    await expect(probot.receive({ id: "delivery-5", name: "pull_request", payload: payload("pull_request", "synchronize") } as never)).rejects.toThrow();
    await probot.receive({ id: "delivery-2", name: "issue_comment", payload: payload("issue_comment", "created") } as never);
    await expect(probot.receive({ id: "delivery-3", name: "pull_request", payload: payload("pull_request", "closed") } as never)).rejects.toThrow();
    const [skip] = lines().filter((line) => line.delivery === "delivery-2");
    expect(skip).toMatchObject({ event: "issue_comment.created", outcome: "skipped", reason: "not a /plan command", plans: null, apiRequests: 0 });
    const [failed] = lines().filter((line) => line.delivery === "delivery-3");
    // The installation token request counts too: 2.
    expect(failed).toMatchObject({ level: 50, event: "pull_request.closed", outcome: "error", apiRequests: 2 });
    expect(failed.error).toMatch(/^Not Found/);
    const [leaky] = lines().filter((line) => line.delivery === "delivery-5");
    expect(leaky).toMatchObject({ outcome: "error", error: "Bad credentials: token [REDACTED]" });
    expect(JSON.stringify(lines())).not.toContain(token);
    expect(metrics.registry.render()).toContain('plan_hygiene_deliveries_total{event="pull_request.closed",outcome="error"} 1\n');
    expect(metrics.registry.render()).toContain('plan_hygiene_github_api_requests_total{status="404"} 1\n');
  });

  it("lets shutdown wait for deliveries still running", async () => {
    const { probot } = await setup();
    const inFlight = createInFlight();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    probot.on("pull_request.reopened", withDeliveryLog(() => gate, { inFlight }));
    const delivery = probot.receive({ id: "delivery-4", name: "pull_request", payload: payload("pull_request", "reopened") } as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(inFlight.size).toBe(1);
    expect(await inFlight.drain(50)).toBe(false);
    const drained = inFlight.drain(5000);
    release();
    expect(await drained).toBe(true);
    await delivery;
  });
});
