export interface RedeliveryScheduler {
  /** No further scan starts; resolves when the one running (if any) has finished. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

/**
 * Runs `scan` now and then `intervalSeconds` after each scan ends (scans never overlap in a
 * process). Timers are unref'ed: they never keep the process alive. `0` runs nothing.
 */
export function scheduleRedeliveryScans(intervalSeconds: number, scan: () => Promise<unknown>): RedeliveryScheduler {
  let stopped = intervalSeconds <= 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    timer = null;
    if (stopped) return;
    running = scan().then(
      () => undefined,
      () => undefined,
    ).then(() => {
      if (stopped) return;
      timer = setTimeout(run, intervalSeconds * 1000);
      timer.unref();
    });
  };
  if (!stopped) {
    timer = setTimeout(run, 0);
    timer.unref();
  }
  return {
    get stopped() {
      return stopped;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
