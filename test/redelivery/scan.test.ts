import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { ProbotOctokit } from "probot";
import { listHookDeliveries } from "../../src/github/list-hook-deliveries.js";
import { createAppMetrics, type AppMetrics } from "../../src/observability/app-metrics.js";
import { createMemoryRedeliveryStore } from "../../src/redelivery/memory-store.js";
import { scanFailedDeliveries } from "../../src/redelivery/scan.js";
import type { RedeliveryStore } from "../../src/redelivery/store.js";
import { FakeGitHub } from "../helpers/fake-github.js";

// One scan in-process against the fake GitHub (nock transport) with Probot's own Octokit
// authenticated as the app (a JWT), a memory store, and a collecting logger.

const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln";
let gh: FakeGitHub;
let stop: () => void;
let octokit: InstanceType<typeof ProbotOctokit>;
let store: RedeliveryStore;
let metrics: AppMetrics;
let lines: Array<{ level: string; fields: Record<string, unknown>; message: string }>;

const log = {
  info: (fields: object, message: string) => lines.push({ level: "info", fields: fields as Record<string, unknown>, message }),
  warn: (fields: object, message: string) => lines.push({ level: "warn", fields: fields as Record<string, unknown>, message }),
  error: (fields: object, message: string) => lines.push({ level: "error", fields: fields as Record<string, unknown>, message }),
};
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
const scan = () => scanFailedDeliveries({ appOctokit: async () => octokit, store, log, metrics });

beforeEach(() => {
  gh = new FakeGitHub();
  stop = gh.interceptWithNock();
  octokit = new ProbotOctokit({ auth: { token: JWT }, retry: { enabled: false }, throttle: { enabled: false } });
  store = createMemoryRedeliveryStore();
  metrics = createAppMetrics();
  lines = [];
});
afterEach(() => stop());

describe("scanFailedDeliveries", () => {
  it("lists two pages, redelivers the failed events once, and a second scan requests nothing", async () => {
    const failed = gh.hookDeliveries.add({ delivered_at: ago(50), status: "timed out", status_code: 0 }); // on page 2
    for (let i = 0; i < 100; i++) gh.hookDeliveries.add({ delivered_at: ago(40 - i / 10) });
    const healed = gh.hookDeliveries.add({ delivered_at: ago(45), status: "Invalid HTTP Response: 503" });
    gh.hookDeliveries.add({ guid: healed.guid, delivered_at: ago(30), redelivery: true });
    const fresh = gh.hookDeliveries.add({ delivered_at: ago(1), status: "Invalid HTTP Response: 502", status_code: 502 });
    expect(await scan()).toBe("ok");
    expect(gh.hookDeliveries.redelivered).toEqual([failed.id, fresh.id]);
    expect(gh.requests.filter((r) => r.path === "/app/hook/deliveries")).toHaveLength(2);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.fields).toMatchObject({ event: "redelivery-scan", outcome: "ok", listed: 104, failed: 3, requested: 2, skipped: 1, pages: 2, truncated: false });
    expect(metrics.registry.render()).toContain("plan_hygiene_redeliveries_requested_total 2\n");

    gh.hookDeliveries.outcome = () => ({ status: "timed out", status_code: 0 }); // irrelevant now: nothing is requested again
    expect(await scan()).toBe("ok");
    expect(gh.hookDeliveries.redelivered).toEqual([failed.id, fresh.id]);
    // The second scan starts a minute before the newest delivery the first one saw: it sees `fresh` and both redeliveries.
    expect(lines[1]!.fields).toMatchObject({ listed: 3, failed: 1, requested: 0, skippedSucceeded: 1 });
    expect(metrics.registry.render()).toContain('plan_hygiene_redelivery_scans_total{outcome="ok"} 2\n');
  });

  it("does not request an event again when its redelivery failed too", async () => {
    gh.hookDeliveries.outcome = () => ({ status: "Invalid HTTP Response: 500", status_code: 500 });
    const failed = gh.hookDeliveries.add({ delivered_at: ago(5), status: "timed out", status_code: 0 });
    await scan();
    await scan();
    expect(gh.hookDeliveries.redelivered).toEqual([failed.id]);
    expect(lines[1]!.fields).toMatchObject({ failed: 1, requested: 0, skippedAlreadyRequested: 1 });
  });

  it("stops listing at the page bound and at the first page older than the window", async () => {
    for (let i = 0; i < 350; i++) gh.hookDeliveries.add({ delivered_at: ago(600 - i) });
    const bounded = await listHookDeliveries(octokit, { since: 0, maxPages: 2 });
    expect(bounded).toMatchObject({ pages: 2, truncated: true });
    expect(bounded.deliveries).toHaveLength(200);
    const windowed = await listHookDeliveries(octokit, { since: Date.now() - 400 * 60_000 }); // page 2 reaches past it
    expect(windowed).toMatchObject({ pages: 2, truncated: false });
  });

  it("logs one clear line and does not throw when the deliveries API is missing or broken", async () => {
    gh.failNext("GET", /^\/app\/hook\/deliveries$/, 404, { body: { message: "Not Found" } });
    expect(await scan()).toBe("error");
    gh.failNext("GET", /^\/app\/hook\/deliveries$/, 200, { body: { message: "not a list" } });
    expect(await scan()).toBe("error");
    gh.failNext("GET", /^\/app\/hook\/deliveries$/, 503, { body: "<html>Service unavailable</html>" });
    expect(await scan()).toBe("error");
    expect(lines.map((l) => [l.level, l.message])).toEqual([
      ["error", expect.stringMatching(/^redelivery scan failed: GET \/app\/hook\/deliveries answered 404: this GitHub has no webhook deliveries API for apps .* Set REDELIVERY_INTERVAL=0 to stop trying\.$/)],
      ["error", "redelivery scan failed: GET /app/hook/deliveries answered something other than a list of deliveries; the next scan tries again."],
      ["error", "redelivery scan failed: GET /app/hook/deliveries answered 503: GitHub is having trouble; the next scan tries again."],
    ]);
    expect(metrics.registry.render()).toContain('plan_hygiene_redelivery_scans_total{outcome="error"} 3\n');
  });

  it("counts a refused redelivery, names it in the scan's one line, and does not retry it", async () => {
    const failed = gh.hookDeliveries.add({ delivered_at: ago(5), status: "timed out", status_code: 0 });
    gh.failNext("POST", /\/attempts$/, 502);
    // Probot's retry plugin on, as in the app: it would re-send a 502 three times.
    octokit = new ProbotOctokit({ auth: { token: JWT }, retry: { retryAfterBaseValue: 1 }, throttle: { enabled: false } });
    await scan();
    await scan();
    expect(gh.requests.filter((r) => r.method === "POST")).toHaveLength(1);
    expect(lines[0]!.level).toBe("warn");
    expect(lines[0]!.fields).toMatchObject({ requested: 0, errors: 1, error: expect.stringMatching(new RegExp(`^redelivery of delivery ${failed.id} \\(pull_request.opened, guid [-0-9a-f]+\\): GitHub answered 502 .*; not retried`)) });
    expect(metrics.registry.render()).toContain("plan_hygiene_redelivery_request_errors_total 1\n");
  });
});
