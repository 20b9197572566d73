/**
 * Tracks deliveries still being handled, so shutdown can wait for them. Needed because
 * @octokit/webhooks answers GitHub with 202 after 9 s and keeps processing: by then the HTTP
 * request is finished and `server.close()` alone would not wait for the work.
 */
export interface InFlight {
  /** Registers `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly size: number;
  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean>;
}

export function createInFlight(): InFlight {
  const pending = new Set<Promise<unknown>>();
  return {
    track(work) {
      const settled = work.then(() => undefined, () => undefined);
      pending.add(settled);
      void settled.then(() => pending.delete(settled));
      return work;
    },
    get size() {
      return pending.size;
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      const emptied = (async () => {
        while (pending.size > 0) await Promise.all(pending);
        return true as const;
      })();
      try {
        return await Promise.race([emptied, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
