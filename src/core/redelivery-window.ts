/** A fresh start (no cursor yet) looks back this far: GitHub's sample script does the same. */
export const FIRST_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/** github.com only redelivers deliveries of the past 3 days (GitHub Enterprise Server: 7); older ones are not listed. */
export const MAX_LOOKBACK_MS = 3 * 24 * 60 * 60 * 1000;
/**
 * Re-list this much before the cursor: GitHub records a delivery when it ends (up to its 10 s
 * timeout), so a slow, failing delivery can show up after a newer one the last scan already saw.
 * Deliveries seen twice cost nothing: a guid is requested at most once.
 */
export const CURSOR_OVERLAP_MS = 60 * 1000;

/** The oldest `delivered_at` (ms) a scan looks at, given the newest one the last scan saw. */
export function redeliveryWindowStart(cursor: string | null, now: number): number {
  const last = cursor === null ? Number.NaN : Date.parse(cursor);
  const start = Number.isFinite(last) ? last - CURSOR_OVERLAP_MS : now - FIRST_LOOKBACK_MS;
  return Math.max(start, now - MAX_LOOKBACK_MS);
}
