/**
 * In-process serialisation per pull request with coalescing to the newest delivery: while a
 * check of a PR runs, a later delivery for it waits; a third replaces the waiting one (which
 * ends "coalesced" without a request), so a burst ends with the newest head checked once after
 * the running one. Delivery ids already handled are answered without work (GitHub's redeliveries);
 * one whose work failed is forgotten, so its redelivery or retry runs again.
 */
export interface PerPullRequest {
  run<T>(key: string, delivery: string, work: () => Promise<T>): Promise<{ ran: true; value: T } | { ran: false; reason: "coalesced" | "duplicate" }>;
}

const SEEN_DELIVERIES = 10_000;

export function perPullRequest(onSkip?: (reason: "coalesced" | "duplicate") => void): PerPullRequest {
  const running = new Map<string, Promise<void>>();
  const waiting = new Map<string, () => void>();
  const seen = new Set<string>();
  return {
    async run(key, delivery, work) {
      if (seen.has(delivery)) {
        onSkip?.("duplicate");
        return { ran: false, reason: "duplicate" };
      }
      seen.add(delivery);
      if (seen.size > SEEN_DELIVERIES) seen.delete(seen.values().next().value as string);
      while (running.has(key)) {
        waiting.get(key)?.(); // the older waiting delivery is superseded
        const superseded = await new Promise<boolean>((resolve) => {
          waiting.set(key, () => resolve(true));
          void running.get(key)!.then(() => resolve(false));
        });
        if (superseded) {
          onSkip?.("coalesced");
          return { ran: false, reason: "coalesced" };
        }
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
