/**
 * One run per key per window: the first request for a key starts a timer of `seconds`; requests
 * until it fires only replace the job (the latest event's client and payload win). A request
 * while the job runs schedules one more window after it, so runs for a key never overlap and a
 * steady stream of events still gets an update every window.
 */
export class KeyedDebounce {
  private readonly waiting = new Map<string, { timer: ReturnType<typeof setTimeout>; job: () => Promise<void> }>();
  private readonly running = new Map<string, { again: { seconds: number; job: () => Promise<void> } | null; done: Promise<void> }>();

  constructor(private readonly onError: (key: string, error: unknown) => void) {}

  /** "scheduled" when this request started a window, "coalesced" when it joined one. */
  schedule(key: string, seconds: number, job: () => Promise<void>): "scheduled" | "coalesced" {
    const pending = this.waiting.get(key);
    if (pending) {
      pending.job = job;
      return "coalesced";
    }
    const active = this.running.get(key);
    if (active) {
      const first = active.again === null;
      active.again = { seconds, job };
      return first ? "scheduled" : "coalesced";
    }
    const timer = setTimeout(() => this.fire(key), Math.max(0, seconds) * 1000);
    timer.unref?.();
    this.waiting.set(key, { timer, job });
    return "scheduled";
  }

  /** Keys with a run waiting or in progress. */
  get size(): number {
    return new Set([...this.waiting.keys(), ...this.running.keys()]).size;
  }

  /** Waits for the runs in progress (not the ones still waiting for their window). */
  async idle(): Promise<void> {
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  private fire(key: string): void {
    const pending = this.waiting.get(key);
    if (!pending) return;
    this.waiting.delete(key);
    const entry: { again: { seconds: number; job: () => Promise<void> } | null; done: Promise<void> } = { again: null, done: Promise.resolve() };
    entry.done = pending
      .job()
      .catch((error: unknown) => this.onError(key, error))
      .finally(() => {
        this.running.delete(key);
        if (entry.again) this.schedule(key, entry.again.seconds, entry.again.job);
      });
    this.running.set(key, entry);
  }
}
