import { wholeNumberEnv } from "../whole-number-env.js";

export const DEFAULT_REDELIVERY_INTERVAL_S = 600;
const MAX_INTERVAL_S = 24 * 60 * 60;

/**
 * REDELIVERY_INTERVAL: seconds between scans for failed webhook deliveries (default 600, `0`
 * turns scanning off). Anything else: a one-line `problem` and the default.
 */
export function redeliveryInterval(env: NodeJS.ProcessEnv): { seconds: number; problem?: string } {
  const { value, problem } = wholeNumberEnv(env, "REDELIVERY_INTERVAL", { min: 0, max: MAX_INTERVAL_S, fallback: DEFAULT_REDELIVERY_INTERVAL_S, unit: "seconds", zero: "off" });
  return { seconds: value ?? DEFAULT_REDELIVERY_INTERVAL_S, ...(problem ? { problem } : {}) };
}
