// Binary search over arrays sorted by offset, so per-phase lookups stay O(log n + k).

/** Index of the first element whose `at` is ≥ offset. */
export function lowerBound<T>(sorted: readonly T[], offset: number, at: (t: T) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(sorted[mid]) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The elements whose `at` lies in [start, end). */
export function within<T>(sorted: readonly T[], start: number, end: number, at: (t: T) => number): T[] {
  return sorted.slice(lowerBound(sorted, start, at), lowerBound(sorted, end, at));
}
