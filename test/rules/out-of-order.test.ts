import { describe, it, expect } from "@jest/globals";
import fc from "fast-check";
import { outOfOrder } from "../../src/rules/out-of-order.js";

/** Longest non-decreasing subsequence length, the slow obvious way. */
function lndsLength(values: number[]): number {
  const best = values.map(() => 1);
  for (let i = 0; i < values.length; i++)
    for (let j = 0; j < i; j++) if (values[j] <= values[i]) best[i] = Math.max(best[i], best[j] + 1);
  return Math.max(0, ...best);
}

describe("outOfOrder", () => {
  it("reports the one stray row, not every row after it", () => {
    // the shape of a real change log: many same-day rows, one later date written in the middle
    expect(outOfOrder([1, 1, 1, 1, 26, 1, 1, 1])).toEqual({ misplaced: [4], direction: "ascending" });
  });

  it("accepts newest-first tables", () => {
    expect(outOfOrder([9, 7, 7, 3, 1])).toEqual({ misplaced: [], direction: "descending" });
    expect(outOfOrder([9, 7, 8, 3, 1]).misplaced).toHaveLength(1);
  });

  it("keeps a longest ordered subsequence and the rest is in order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 40 }), (values) => {
        const { misplaced, direction } = outOfOrder(values);
        const kept = values.filter((_, i) => !misplaced.includes(i));
        for (let i = 1; i < kept.length; i++) {
          if (direction === "ascending") expect(kept[i]).toBeGreaterThanOrEqual(kept[i - 1]);
          else expect(kept[i]).toBeLessThanOrEqual(kept[i - 1]);
        }
        const best = Math.max(lndsLength(values), lndsLength(values.map((v) => -v)));
        expect(kept.length).toBe(best);
      }),
    );
  });
});
