/** What the redelivery scans remember between runs (in memory, or in Redis shared by replicas). */
export interface RedeliveryState {
  /** `delivered_at` of the newest delivery the last complete scan listed */
  cursor: string | null;
  /** guids whose redelivery was requested (within the retention window) */
  requested: Set<string>;
}

export interface RedeliveryStore {
  /**
   * Runs `scan` unless another scan holds the lock (then resolves `{ ran: false }`). `holding()`
   * extends the lock and says whether this scan still has it: check it before each request.
   */
  exclusive<T>(scan: (holding: () => Promise<boolean>) => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  read(now: number): Promise<RedeliveryState>;
  /** Remembers a guid before its redelivery is requested (at most once, even if the process dies). */
  markRequested(guid: string, now: number): Promise<void>;
  setCursor(cursor: string): Promise<void>;
  close(): Promise<void>;
}

/** Requested guids are forgotten after this long: past GitHub's 3-day redelivery limit. */
export const REQUESTED_RETENTION_MS = 4 * 24 * 60 * 60 * 1000;
