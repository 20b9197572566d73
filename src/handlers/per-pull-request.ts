/**
 * In-process serialisation per pull request with coalescing to the newest delivery: while a
 * check of a PR runs, a later delivery for it waits; a third replaces the waiting one (which
 * ends "coalesced" without a request), so a burst ends with the newest head checked once after
 * the running one. Delivery ids already handled are answered without work (GitHub's redeliveries);
 * one whose work failed is forgotten, so its redelivery or retry runs again. Deliveries can
 * arrive out of order (GitHub sends them concurrently; a failed one comes back later as a
 * redelivery): one whose `order` (the PR's `updated_at`) is older than one already seen for the PR
 * is dropped as coalesced, so an old head never overwrites the newest in the sticky comment.
 */
export interface PerPullRequest {
  run<T>(key: string, delivery: string, work: () => Promise<T>, order?: string): Promise<{ ran: true; value: T } | { ran: false; reason: "coalesced" | "duplicate" }>;
}

const SEEN_DELIVERIES = 10_000;

export function perPullRequest(onSkip?: (reason: "coalesced" | "duplicate") => void): PerPullRequest {
  const running = new Map<string, Promise<void>>();
  const waiting = new Map<string, () => void>();
  const seen = new Set<string>();
  const newest = new Map<string, string>();
  const skip = (reason: "coalesced" | "duplicate") => {
    onSkip?.(reason);
    return { ran: false as const, reason };
  };
  return {
    async run(key, delivery, work, order) {
      if (seen.has(delivery)) return skip("duplicate");
      seen.add(delivery);
      if (seen.size > SEEN_DELIVERIES) seen.delete(seen.values().next().value as string);
      if (order) {
        const known = newest.get(key);
        if (known !== undefined && order < known) return skip("coalesced");
        newest.delete(key); // re-inserted last: the map forgets the PRs quiet the longest
        newest.set(key, order);
        if (newest.size > SEEN_DELIVERIES) newest.delete(newest.keys().next().value as string);
      }
      while (running.has(key)) {
        waiting.get(key)?.(); // the older waiting delivery is superseded
        const superseded = await new Promise<boolean>((resolve) => {
          waiting.set(key, () => resolve(true));
          void running.get(key)!.then(() => resolve(false));
        });
        if (superseded) return skip("coalesced");
        waiting.delete(key);
      }
      let done!: () => void;
      running.set(key, new Promise<void>((resolve) => (done = resolve)));
      try {
        return { ran: true, value: await work() };
      } catch (error) {
        seen.delete(delivery); // a failed delivery may be redelivered (by GitHub or the queue's retry): run it then
        throw error;
      } finally {
        running.delete(key);
        done();
      }
    },
  };
}
