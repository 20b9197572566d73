// Which values break a sequence's chronological order. The order (ascending or descending) is
// whichever keeps more rows in place; the rows outside the longest ordered subsequence are the
// misplaced ones — so one stray row is reported, not every row after it. O(n log n).

export function outOfOrder(values: number[]): { misplaced: number[]; direction: "ascending" | "descending" } {
  const up = longestMonotone(values);
  const down = longestMonotone(values.map((v) => -v));
  const [keep, direction] = down.size > up.size ? [down, "descending" as const] : [up, "ascending" as const];
  const misplaced: number[] = [];
  for (let i = 0; i < values.length; i++) if (!keep.has(i)) misplaced.push(i);
  return { misplaced, direction };
}

/** Indices of one longest non-decreasing subsequence (patience sorting, ties kept). */
function longestMonotone(values: number[]): Set<number> {
  const tails: number[] = []; // index of the smallest tail of each length
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] <= values[i]) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) keep.add(i);
  return keep;
}
