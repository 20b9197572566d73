import { performance } from "node:perf_hooks";

/** Median wall time in ms of `runs` calls of `fn` after `warmup` unmeasured calls. */
export function medianMs(fn: () => void, runs: number, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Median times of several functions measured in alternating order within each round (the order
 * is reversed every other round), so drifting machine load affects them alike.
 */
export function pairedMedians(fns: readonly (() => void)[], runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fns.forEach((fn) => fn());
  const times: number[][] = fns.map(() => []);
  for (let round = 0; round < runs; round++) {
    const order = fns.map((_, i) => i);
    if (round % 2 === 1) order.reverse();
    for (const i of order) {
      const start = performance.now();
      fns[i]();
      times[i].push(performance.now() - start);
    }
  }
  return times.map(median);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
