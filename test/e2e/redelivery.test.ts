import { afterEach, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { FakeGitHub } from "../helpers/fake-github.js";
import { testPrivateKey } from "../helpers/probot-harness.js";
import { ensureBuilt, fakeGitHubEnv, startMain, waitFor, type MainProcess } from "./main-process.js";

// Catch-up after downtime: the real server (`node lib/main.js`) scans the fake GitHub's app
// webhook deliveries at start and every REDELIVERY_INTERVAL seconds, and asks for a redelivery
// of each failed one, once.

const secret = randomBytes(24).toString("hex");
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
let running: Array<{ main: MainProcess; close: () => Promise<void> }> = [];

async function start(gh: FakeGitHub, env: Record<string, string>): Promise<MainProcess> {
  ensureBuilt();
  const api = await gh.listen();
  const main = await startMain({ ...fakeGitHubEnv(gh, api, secret, testPrivateKey()), METRICS_ENABLED: "true", ...env });
  running.push({ main, close: api.close });
  return main;
}

afterEach(async () => {
  for (const { main, close } of running) {
    if (main.child.exitCode === null) main.child.kill("SIGKILL");
    await close();
  }
  running = [];
});

/** The app's one-line scan summaries. */
function scans(main: MainProcess): Record<string, unknown>[] {
  return main.output().split("\n").flatMap((line) => {
    try {
      const entry = JSON.parse(line) as Record<string, unknown>;
      return entry.event === "redelivery-scan" ? [entry] : [];
    } catch {
      return [];
    }
  });
}
const listRequests = (gh: FakeGitHub) => gh.requests.filter((r) => r.path === "/app/hook/deliveries");

describe("redelivery of failed webhook deliveries", () => {
  it("redelivers exactly the failed deliveries across two pages, once; the next scan requests nothing", async () => {
    const gh = new FakeGitHub();
    const d = gh.hookDeliveries;
    // Page 2 (older than the 100 newest): a timeout, and a 503 whose guid later succeeded.
    const timedOut = d.add({ delivered_at: ago(180), status: "timed out", status_code: 0, event: "push", action: null });
    const healed = d.add({ delivered_at: ago(170), status: "Invalid HTTP Response: 503" });
    d.add({ guid: healed.guid, delivered_at: ago(20), redelivery: true });
    for (let i = 0; i < 100; i++) d.add({ delivered_at: ago(150 - i), event: "issue_comment", action: "created" });
    // Page 1: an event whose original and a manual redelivery both failed (redelivered once, through the newest),
    // a refused connection, and one that failed more than a day ago (outside a fresh start's 24 h window).
    const twice = d.add({ delivered_at: ago(40), status: "Invalid HTTP Response: 500", status_code: 500 });
    const twiceAgain = d.add({ guid: twice.guid, delivered_at: ago(35), redelivery: true, status: "Invalid HTTP Response: 502", status_code: 502 });
    const refused = d.add({ delivered_at: ago(10), status: "failed to connect to host", status_code: 0, event: "pull_request", action: "synchronize" });
    d.add({ delivered_at: ago(26 * 60), status: "timed out", status_code: 0 });
    // The push's redelivery fails as well: it must not be asked for again.
    d.outcome = (original) => (original.id === timedOut.id ? { status: "timed out", status_code: 0 } : { status: "OK", status_code: 200 });

    const main = await start(gh, { REDELIVERY_INTERVAL: "2" });
    await waitFor(() => scans(main).length >= 2, 30_000);
    const [first, second] = scans(main);

    expect([...d.redelivered].sort()).toEqual([timedOut.id, twiceAgain.id, refused.id].sort());
    expect(d.redelivered[0]).toBe(timedOut.id); // oldest first
    expect(first).toMatchObject({ outcome: "ok", requested: 3, failed: 4, skipped: 1, skippedSucceeded: 1, pages: 2, truncated: false, errors: 0 });
    expect(second).toMatchObject({ outcome: "ok", requested: 0 });
    // The second scan starts from the first one's cursor: one page, only the newest deliveries.
    expect(listRequests(gh).length).toBe(3);
    expect(listRequests(gh)[1]!.query).toMatchObject({ cursor: expect.stringMatching(/^v1_\d+$/) });
    expect(gh.requests.filter((r) => r.method === "POST" && r.path.endsWith("/attempts")).map((r) => r.as)).toEqual(["app", "app", "app"]);

    const metrics = await (await fetch(`${main.url}/metrics`)).text();
    expect(metrics).toContain("plan_hygiene_redeliveries_requested_total 3\n");
    expect(metrics).toMatch(/plan_hygiene_redelivery_scans_total\{outcome="ok"\} [2-9]\n/);
    expect(metrics).toContain("plan_hygiene_redelivery_request_errors_total 0\n");

    main.child.kill("SIGTERM");
    expect(await main.exited).toBe(0);
  }, 60_000);

  it("REDELIVERY_INTERVAL=0 makes no deliveries request", async () => {
    const gh = new FakeGitHub();
    gh.hookDeliveries.add({ delivered_at: ago(5), status: "timed out", status_code: 0 });
    const main = await start(gh, { REDELIVERY_INTERVAL: "0" });
    await new Promise((r) => setTimeout(r, 1500));
    expect(listRequests(gh)).toEqual([]);
    expect(gh.hookDeliveries.redelivered).toEqual([]);
    expect(scans(main)).toEqual([]);
  }, 30_000);

  it("an invalid REDELIVERY_INTERVAL is one line and the default; a deliveries API answering 404 is one line and the server stays up", async () => {
    const gh = new FakeGitHub();
    gh.failNext("GET", /^\/app\/hook\/deliveries$/, 404, { body: { message: "Not Found" }, times: 10 });
    const main = await start(gh, { REDELIVERY_INTERVAL: "10m" });
    await waitFor(() => scans(main).length >= 1);
    expect(main.output()).toContain("plan-hygiene: REDELIVERY_INTERVAL must be a whole number of seconds from 0 (off) to 86400; got `10m`, using 600\n");
    const [scan] = scans(main);
    expect(scan).toMatchObject({ level: 50, outcome: "error", error: expect.stringContaining("answered 404: this GitHub has no webhook deliveries API for apps") });
    expect(main.output().split("\n").filter((line) => line.includes("/app/hook/deliveries"))).toHaveLength(1);
    expect((await fetch(`${main.url}/ping`)).status).toBe(200);
    expect(main.child.exitCode).toBeNull();
  }, 30_000);
});
