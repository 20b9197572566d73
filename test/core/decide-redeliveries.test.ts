import { describe, expect, it } from "@jest/globals";
import { decideRedeliveries, type HookDelivery } from "../../src/core/decide-redeliveries.js";
import { CURSOR_OVERLAP_MS, FIRST_LOOKBACK_MS, MAX_LOOKBACK_MS, redeliveryWindowStart } from "../../src/core/redelivery-window.js";
import { redeliveryInterval } from "../../src/redelivery/interval.js";

const T0 = Date.parse("2026-12-07T00:00:00Z");
let ids = 100;
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
function delivery(guid: string, minutes: number, status = "OK", extra: Partial<HookDelivery> = {}): HookDelivery {
  return { id: ++ids, guid, delivered_at: at(minutes), redelivery: false, status, status_code: status === "OK" ? 200 : status === "timed out" ? 0 : 503, event: "pull_request", action: "opened", ...extra };
}
const ids_ = (d: { redeliver: HookDelivery[] }) => d.redeliver.map((x) => x.id);

describe("decideRedeliveries", () => {
  it("redelivers each failed event once, oldest first, and leaves successful ones alone", () => {
    const ok = delivery("ok", 1);
    const timedOut = delivery("timeout", 2, "timed out");
    const refused = delivery("503", 3, "Invalid HTTP Response: 503");
    const decision = decideRedeliveries([refused, timedOut, ok], { since: T0, requested: new Set() });
    expect(ids_(decision)).toEqual([timedOut.id, refused.id]);
    expect(decision).toMatchObject({ listed: 3, failed: 2, succeededSince: 0, alreadyRequested: 0 });
  });

  it("skips an event whose original or redelivery succeeded, and one already requested", () => {
    const failedThenOk = [delivery("a", 1, "failed to connect"), delivery("a", 5, "OK", { redelivery: true })];
    const okThenFailed = [delivery("b", 1), delivery("b", 6, "Invalid HTTP Response: 500", { redelivery: true })];
    const requestedBefore = [delivery("c", 2, "timed out"), delivery("c", 7, "timed out", { redelivery: true })];
    const decision = decideRedeliveries([...failedThenOk, ...okThenFailed, ...requestedBefore], { since: T0, requested: new Set(["c"]) });
    expect(decision.redeliver).toEqual([]);
    expect(decision).toMatchObject({ failed: 3, succeededSince: 2, alreadyRequested: 1 });
  });

  it("redelivers an event that failed several times once, through its newest delivery", () => {
    const first = delivery("d", 1, "timed out");
    const second = delivery("d", 4, "Invalid HTTP Response: 502", { redelivery: true });
    expect(ids_(decideRedeliveries([second, first], { since: T0, requested: new Set() }))).toEqual([second.id]);
  });

  it("ignores deliveries older than the window", () => {
    const old = delivery("old", -10, "timed out");
    const recent = delivery("new", 1, "timed out");
    const decision = decideRedeliveries([recent, old], { since: T0, requested: new Set() });
    expect(ids_(decision)).toEqual([recent.id]);
    expect(decision.listed).toBe(1);
  });
});

describe("redeliveryWindowStart", () => {
  it("looks back 24 h on a fresh start, to the cursor minus the overlap after, and never past 3 days", () => {
    const now = T0;
    expect(redeliveryWindowStart(null, now)).toBe(now - FIRST_LOOKBACK_MS);
    expect(redeliveryWindowStart(at(-30), now)).toBe(T0 - 30 * 60_000 - CURSOR_OVERLAP_MS);
    expect(redeliveryWindowStart(new Date(now - 10 * 86_400_000).toISOString(), now)).toBe(now - MAX_LOOKBACK_MS);
    expect(redeliveryWindowStart("not a date", now)).toBe(now - FIRST_LOOKBACK_MS);
  });
});

describe("redeliveryInterval", () => {
  it("reads whole seconds, 0 = off, and explains anything else in one line", () => {
    expect(redeliveryInterval({})).toEqual({ seconds: 600 });
    expect(redeliveryInterval({ REDELIVERY_INTERVAL: "0" })).toEqual({ seconds: 0 });
    expect(redeliveryInterval({ REDELIVERY_INTERVAL: " 30 " })).toEqual({ seconds: 30 });
    for (const bad of ["-5", "10m", "1.5", "999999"]) {
      const result = redeliveryInterval({ REDELIVERY_INTERVAL: bad });
      expect(result.seconds).toBe(600);
      expect(result.problem).toMatch(new RegExp(`^plan-hygiene: REDELIVERY_INTERVAL must be .*got \`${bad.replace(".", "\\.")}\`, using 600$`));
    }
  });
});
