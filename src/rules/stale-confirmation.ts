import type { RuleInfo } from "./types.js";

/**
 * A confirmed phase whose named files changed after the confirmation commit. It needs the
 * repository's history, so the GitHub App reports it (src/github/find-stale-confirmations.ts)
 * rather than the text-only lint core; it is listed so it can be configured and documented.
 */
export const staleConfirmation: RuleInfo = {
  id: "stale-confirmation",
  defaultSeverity: "notice",
  description: "A confirmed phase's files changed after the commit it was confirmed at (GitHub App only).",
};
