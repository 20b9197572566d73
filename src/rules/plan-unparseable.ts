import type { Rule } from "./types.js";
import { spanAt } from "./locate.js";

/** Reported by the lint runner instead of every other rule when the parser refused the file. */
export const planUnparseable: Rule = {
  id: "plan-unparseable",
  defaultSeverity: "error",
  description: "The file could not be parsed (too large, or nested too deeply to parse safely), so no other rule ran on it.",
  check(plan) {
    if (!plan.unparseable) return [];
    const firstLineEnd = plan.text.search(/\r?\n|\r/);
    const end = Math.min(firstLineEnd < 0 ? plan.text.length : firstLineEnd, 200);
    return [
      {
        span: spanAt(plan, plan.bom ? 1 : 0, Math.max(plan.bom ? 1 : 0, end)),
        message: `Unexpected file that could not be parsed as a plan (${plan.unparseable.reason}), expected a markdown plan within the limits: split or simplify the file, or raise \`plans.maxFileSize\` in .github/plan-hygiene.yml if it is only large`,
      },
    ];
  },
};
