// Kiro specs: `.kiro/specs/<feature>/tasks.md`, a numbered task list `- [ ] 1. …` with sub-tasks
// `- [ ] 1.1 …` and `_Requirements: 1.2, 3.1_` lines; requirements.md / design.md beside it.
import { isConfirmationGate } from "./gate-labels.js";
import { taskListFormat } from "./expectations.js";
import type { PlanFormat } from "./types.js";

export const kiro: PlanFormat = {
  id: "kiro",
  name: "Kiro",
  markers: ["the path `.kiro/specs/<feature>/…`", "numbered tasks with `_Requirements: …_` lines"],
  detect(e) {
    if (/(^|\/)\.kiro\/specs\//.test(e.path)) return { marker: ".kiro/specs/ path", strength: 2 };
    if (/^\s*_Requirements?:\s*[\d.]/m.test(e.text) && e.tasks.some((t) => /^\d+(\.\d+)?\.?\s/.test(t))) return { marker: "_Requirements:_ lines under numbered tasks", strength: 1 };
    return null;
  },
  expects: taskListFormat(false),
  planFile: /(^|\/)\.kiro\/specs\/[^/]+\/tasks\.md$/,
  isGateLabel: isConfirmationGate,
};
