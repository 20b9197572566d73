export const DEFAULT_REDELIVERY_INTERVAL_S = 600;
const MAX_INTERVAL_S = 24 * 60 * 60;

/**
 * REDELIVERY_INTERVAL: seconds between scans for failed webhook deliveries (default 600, `0`
 * turns scanning off). Anything else: a one-line `problem` and the default.
 */
export function redeliveryInterval(env: NodeJS.ProcessEnv): { seconds: number; problem?: string } {
  const raw = env.REDELIVERY_INTERVAL?.trim();
  if (raw === undefined || raw === "") return { seconds: DEFAULT_REDELIVERY_INTERVAL_S };
  const seconds = Number(raw);
  if (/^\d+$/.test(raw) && seconds <= MAX_INTERVAL_S) return { seconds };
  return {
    seconds: DEFAULT_REDELIVERY_INTERVAL_S,
    problem: `plan-hygiene: REDELIVERY_INTERVAL must be a whole number of seconds from 0 (off) to ${MAX_INTERVAL_S}; got \`${env.REDELIVERY_INTERVAL}\`, using ${DEFAULT_REDELIVERY_INTERVAL_S}`,
  };
}
