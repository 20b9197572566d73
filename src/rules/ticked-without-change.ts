import type { RuleInfo } from "./types.js";

/**
 * A pull request ticks a phase's boxes or confirms its gate but changes none of the files the
 * phase names. It needs the plan at the PR's base and the PR's changed files, so the PR check
 * (App, Action, `check-pr`) reports it (src/core/tick-notices.ts) rather than the text-only lint
 * core; it is listed so it can be configured and documented.
 */
export const tickedWithoutChange: RuleInfo = {
  id: "ticked-without-change",
  defaultSeverity: "notice",
  description: "A pull request ticks a phase's boxes or confirms its gate but changes none of the files the phase names (pull request check only).",
};
