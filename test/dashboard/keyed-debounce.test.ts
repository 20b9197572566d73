import { describe, expect, it } from "@jest/globals";
import { KeyedDebounce } from "../../src/core/keyed-debounce.js";

// The per-repository window: real timers, short windows.

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("KeyedDebounce", () => {
  it("runs once per window per key, with the latest job, and keys do not wait for each other", async () => {
    const runs: string[] = [];
    const d = new KeyedDebounce(() => undefined);
    expect(d.schedule("a", 0.5, async () => void runs.push("a1"))).toBe("scheduled");
    expect(d.schedule("a", 0.5, async () => void runs.push("a2"))).toBe("coalesced");
    expect(d.schedule("b", 0.05, async () => void runs.push("b1"))).toBe("scheduled");
    await sleep(250);
    expect(runs).toEqual(["b1"]);
    await sleep(600);
    expect(runs).toEqual(["b1", "a2"]);
    expect(d.size).toBe(0);
  });

  it("an event during a run schedules exactly one more window after it; runs never overlap", async () => {
    let active = 0;
    let overlap = false;
    const runs: number[] = [];
    const d = new KeyedDebounce(() => undefined);
    const job = (n: number) => async () => {
      active++;
      overlap ||= active > 1;
      await sleep(150);
      runs.push(n);
      active--;
    };
    d.schedule("a", 0, job(1));
    await sleep(20);
    expect(d.schedule("a", 0, job(2))).toBe("scheduled");
    expect(d.schedule("a", 0, job(3))).toBe("coalesced");
    await sleep(700);
    expect(runs).toEqual([1, 3]);
    expect(overlap).toBe(false);
  });

  it("a failing job is reported and does not stop later windows", async () => {
    const errors: unknown[] = [];
    const d = new KeyedDebounce((_key, error) => errors.push(error));
    d.schedule("a", 0, async () => {
      throw new Error("boom");
    });
    await sleep(20);
    await d.idle();
    let ran = false;
    d.schedule("a", 0, async () => void (ran = true));
    await sleep(20);
    expect(errors).toHaveLength(1);
    expect(ran).toBe(true);
  });
});
