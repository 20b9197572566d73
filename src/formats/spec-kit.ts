// GitHub spec-kit: `specs/NNN-feature/plan.md` (Constitution Check, `Phase 0: Outline & Research`)
// and `tasks.md` (`## Phase N: …`, `- [ ] T001 [P] [US1] …`, `**Checkpoint**:` lines). Tasks are
// the work (no per-phase success criteria); user-story phases are independent of one another.
import { isConfirmationGate } from "./gate-labels.js";
import { taskListFormat } from "./expectations.js";
import type { PlanFormat } from "./types.js";

const PATH = /(^|\/)(?<!\.kiro\/)specs\/[^/]+\/(plan|tasks|spec)\.md$/i;
const TASK_ID = /^T\d{3,}\b/;

export const specKit: PlanFormat = {
  id: "spec-kit",
  name: "spec-kit",
  markers: [
    "the path `specs/<feature>/plan.md` or `specs/<feature>/tasks.md`",
    "a `Constitution Check` or `Phase 0: Outline & Research` heading",
    "three or more `- [ ] T001 …` task ids",
  ],
  detect(e) {
    if (e.headings.some((h) => /^constitution check\b/i.test(h.text) || /^phase 0\s*[:.-]\s*outline/i.test(h.text))) return { marker: "Constitution Check / Phase 0: Outline heading", strength: 2 };
    if (e.tasks.filter((t) => TASK_ID.test(t)).length >= 3) return { marker: "T001-style task ids", strength: 2 };
    if (PATH.test(e.path)) return { marker: "specs/<feature>/plan.md|tasks.md path", strength: 2 };
    return null;
  },
  expects: taskListFormat(false),
  // spec-kit's templates leave `[FEATURE]`, `[DATE]`, `[###-feature-name]`, `[link]`, `[PROJECT_NAME]`
  templateToken: (content) => /^(?:FEATURE(?: NAME)?|DATE|link|###-feature-name|REMOVE IF UNUSED|[A-Z0-9]+(?:_[A-Z0-9]+)*_(?:NAME|DATE|VERSION|DESCRIPTION|TITLE))$/.test(content),
  planFile: /(^|\/)(?<!\.kiro\/)specs\/[^/]+\/(plan|tasks)\.md$/,
  isGateLabel: (label) => isConfirmationGate(label) || /^checkpoint$/i.test(label.trim()),
};
