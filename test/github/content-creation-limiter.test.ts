import { describe, expect, it } from "@jest/globals";
import { contentCreationLimiter } from "../../src/github/content-creation-limiter.js";

// The limiter comment/issue/PR creations wait for (per installation key): GitHub's content
// limits as a token bucket of 50 at one a second, instead of the throttle plugin's fixed 3 s.

describe("contentCreationLimiter", () => {
  it("spends one of 50 tokens per creation, one a second, per installation key", async () => {
    const group = contentCreationLimiter();
    expect(contentCreationLimiter()).toBe(group); // one group per process
    const limiter = group.key(`installation-test-${Date.now()}`);
    expect(await limiter.currentReservoir()).toBe(50);
    const times: number[] = [];
    await Promise.all([1, 2].map(() => limiter.schedule(async () => void times.push(Date.now()))));
    expect(await limiter.currentReservoir()).toBe(48);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(990);
    const other = group.key(`installation-other-${Date.now()}`);
    expect(await other.currentReservoir()).toBe(50); // another installation has its own bucket
    await group.disconnect?.(false);
  });
});
