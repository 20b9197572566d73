/**
 * In-process serialisation per pull request with coalescing to the newest delivery: while a
 * check of a PR runs, a later delivery for it waits; a third replaces the waiting one (which
 * ends "coalesced" without a request), so a burst ends with the newest head checked once after
 * the running one. Delivery ids already seen are answered without work (GitHub's redeliveries).
 */
export interface PerPullRequest {
  run<T>(key: string, delivery: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false; reason: "coalesced" | "duplicate" }>;
}

const SEEN_DELIVERIES = 10_000;

export function perPullRequest(): PerPullRequest {
  const running = new Map<string, Promise<void>>();
  const waiting = new Map<string, () => void>();
  const seen = new Set<string>();
  return {
    async run(key, delivery, work) {
      if (seen.has(delivery)) return { ran: false, reason: "duplicate" };
      seen.add(delivery);
      if (seen.size > SEEN_DELIVERIES) seen.delete(seen.values().next().value as string);
      while (running.has(key)) {
        waiting.get(key)?.(); // the older waiting delivery is superseded
        const superseded = await new Promise<boolean>((resolve) => {
          waiting.set(key, () => resolve(true));
          void running.get(key)!.then(() => resolve(false));
        });
        if (superseded) return { ran: false, reason: "coalesced" };
        waiting.delete(key);
      }
      let done!: () => void;
      running.set(key, new Promise<void>((resolve) => (done = resolve)));
      try {
        return { ran: true, value: await work() };
      } finally {
        running.delete(key);
        done();
      }
    },
  };
}
