// GSD ("Get Shit Done"): `.planning/ROADMAP.md` (phases with "Success Criteria (what must be TRUE)")
// and `.planning/phases/NN-name/NN-NN-PLAN.md` (YAML frontmatter phase/plan/wave, `<task>` blocks).
import { isConfirmationGate } from "./gate-labels.js";
import { taskListFormat } from "./expectations.js";
import type { PlanFormat } from "./types.js";

export const gsd: PlanFormat = {
  id: "gsd",
  name: "GSD",
  markers: [
    "the path `.planning/ROADMAP.md` or `.planning/phases/NN-*/NN-NN-PLAN.md`",
    "`<task …>` blocks with `<action>` / `<verify>`",
    "frontmatter with `phase:` and `plan:` keys",
  ],
  detect(e) {
    if (/(^|\/)\.planning\//.test(e.path)) return { marker: ".planning/ path", strength: 2 };
    if (/<task\b[^>]*>[\s\S]*?<(action|verify|done)>/i.test(e.text)) return { marker: "<task> blocks", strength: 2 };
    const fm = e.frontmatter;
    if (fm && "phase" in fm && "plan" in fm) return { marker: "frontmatter phase/plan", strength: 2 };
    return null;
  },
  expects: taskListFormat(true),
  planFile: /(^|\/)\.planning\/(?:.*\/)?(?:ROADMAP|\d+-\d+-PLAN)\.md$/i,
  isGateLabel: isConfirmationGate,
};
