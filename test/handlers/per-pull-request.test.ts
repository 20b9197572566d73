import { describe, expect, it } from "@jest/globals";
import { perPullRequest } from "../../src/handlers/per-pull-request.js";

// In-process serialisation per PR (the App without Redis): one check at a time, the newest waiting
// delivery wins, a repeated delivery id does nothing — unless its first run failed.

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe("perPullRequest", () => {
  it("runs one check per PR at a time; of the deliveries waiting meanwhile only the newest runs", async () => {
    const skips: string[] = [];
    const serial = perPullRequest((reason) => skips.push(reason));
    const order: string[] = [];
    let release!: () => void;
    const first = serial.run("o/r#1", "d1", () => new Promise<string>((resolve) => (release = () => resolve("d1"))).then((v) => (order.push(v), v)));
    await tick();
    const waiting = ["d2", "d3", "d4"].map((id) => serial.run("o/r#1", id, async () => (order.push(id), id)));
    const otherPr = await serial.run("o/r#2", "d5", async () => "d5");
    expect(otherPr).toEqual({ ran: true, value: "d5" }); // another PR does not wait
    release();
    const results = await Promise.all([first, ...waiting]);
    expect(order).toEqual(["d1", "d4"]);
    expect(results.map((r) => (r.ran ? "ran" : r.reason))).toEqual(["ran", "coalesced", "coalesced", "ran"]);
    expect(skips).toEqual(["coalesced", "coalesced"]);
  });

  it("does nothing for a delivery id it already handled (GitHub's redelivery)", async () => {
    const serial = perPullRequest();
    let runs = 0;
    await serial.run("o/r#1", "same", async () => runs++);
    expect(await serial.run("o/r#1", "same", async () => runs++)).toEqual({ ran: false, reason: "duplicate" });
    expect(runs).toBe(1);
  });

  it("runs a delivery again when its first run failed (a redelivery or a retry must not be swallowed)", async () => {
    const serial = perPullRequest();
    await expect(serial.run("o/r#1", "flaky", async () => { throw new Error("502 from GitHub"); })).rejects.toThrow("502");
    expect(await serial.run("o/r#1", "flaky", async () => "ok")).toEqual({ ran: true, value: "ok" });
  });
});

describe("perPullRequest with the PR's updated_at", () => {
  it("drops a delivery older than one already seen for the PR, whatever order they arrive in", async () => {
    const serial = perPullRequest();
    const ran: string[] = [];
    await serial.run("o/r#1", "push-3", async () => ran.push("push-3"), "2026-12-07T10:00:03Z");
    expect(await serial.run("o/r#1", "push-2", async () => ran.push("push-2"), "2026-12-07T10:00:02Z")).toEqual({ ran: false, reason: "coalesced" });
    await serial.run("o/r#1", "edit", async () => ran.push("edit"), "2026-12-07T10:00:03Z"); // same second: arrival order
    expect(ran).toEqual(["push-3", "edit"]);
  });
});
