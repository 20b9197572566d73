import { describe, it, expect } from "@jest/globals";
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough } from "node:stream";
import { createRequire } from "node:module";
import { createNodeMiddleware, createProbot } from "probot";
import { createLogger } from "../../src/observability/create-logger.js";
import { createInFlight } from "../../src/observability/in-flight.js";
import { withDeliveryLog } from "../../src/observability/delivery-log.js";
import { testCredentials } from "./app-process.js";

// GitHub gives a webhook 10 s to be answered. Probot 14's middleware (@octokit/webhooks 14,
// createNodeMiddleware's default `timeout: 9000`) waits for the handlers but answers
// `202 still processing` after 9 s and lets them run on. This pins that behaviour, and shows the
// delivery is still tracked in flight afterwards so shutdown can wait for it.

type Example = { name: string; examples: Array<Record<string, unknown> & { action?: string }> };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Example[];

describe("a delivery slower than GitHub's reply window", () => {
  it("is acknowledged with 202 within 10 s and finishes afterwards, tracked in flight", async () => {
    const { APP_ID, PRIVATE_KEY, WEBHOOK_SECRET } = testCredentials();
    const log = await createLogger({ env: { LOG_FORMAT: "json", LOG_LEVEL: "warn" }, destination: new PassThrough() });
    const probot = createProbot({ env: {}, overrides: { appId: Number(APP_ID), privateKey: PRIVATE_KEY, secret: WEBHOOK_SECRET, log } });
    const inFlight = createInFlight();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let finished = false;
    const middleware = await createNodeMiddleware((app) => {
      app.on("pull_request.opened", withDeliveryLog(async () => { await gate; finished = true; }, { inFlight }));
    }, { probot });
    const server = createServer((req, res) => void middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const payload = examples.find((e) => e.name === "pull_request")!.examples.find((x) => x.action === "opened")!;
      const body = JSON.stringify(payload);
      const started = Date.now();
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`, {
        method: "POST",
        headers: {
          "content-type": "application/json", "x-github-event": "pull_request", "x-github-delivery": "slow-1",
          "x-hub-signature-256": `sha256=${createHmac("sha256", WEBHOOK_SECRET).update(body).digest("hex")}`,
        },
        body,
      });
      const elapsed = Date.now() - started;
      expect({ status: response.status, text: await response.text() }).toEqual({ status: 202, text: "still processing\n" });
      expect(elapsed).toBeLessThan(10_000);
      expect(finished).toBe(false);
      expect(inFlight.size).toBe(1);
      release();
      expect(await inFlight.drain(5_000)).toBe(true);
      expect(finished).toBe(true);
    } finally {
      release();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 20_000);
});
