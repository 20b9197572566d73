// OpenSpec: `openspec/changes/<id>/tasks.md` with numbered groups `## 1. …` and tasks `- [ ] 1.1 …`
// (each numbered group is a phase); proposal.md / design.md beside it.
import { isConfirmationGate } from "./gate-labels.js";
import { taskListFormat } from "./expectations.js";
import type { PlanFormat } from "./types.js";

// `## 1. Setup`, `## M2. 电机模型框架` (milestone-numbered groups)
const GROUP = /^([A-Z]?\d{1,3})[.)]\s+(\S.*)$/u;

export const openspec: PlanFormat = {
  id: "openspec",
  name: "OpenSpec",
  markers: ["the path `openspec/changes/<id>/…`", "`## 1. …` groups holding `- [ ] 1.1 …` tasks"],
  detect(e) {
    if (/(^|\/)openspec\/(changes|specs)\//.test(e.path)) return { marker: "openspec/changes/ path", strength: 2 };
    const groups = e.headings.filter((h) => h.depth === 2 && GROUP.test(h.text)).length;
    const numbered = e.tasks.filter((t) => /^\d+\.\d+\s/.test(t)).length;
    if (groups >= 2 && numbered >= 2) return { marker: "## 1. groups with 1.1 tasks", strength: 1 };
    return null;
  },
  expects: taskListFormat(false),
  planFile: /(^|\/)openspec\/changes\/(?:archive\/)?[^/]+\/(tasks|proposal)\.md$/,
  isGateLabel: isConfirmationGate,
  // `openspec archive` moves a change under changes/archive/ once it is deployed: it is done
  impliedStatus: (path) => (/(^|\/)openspec\/changes\/archive\//.test(path) ? { status: "completed", because: "the change is archived under openspec/changes/archive/" } : null),
  phaseHeading(text, depth) {
    const m = depth === 2 ? GROUP.exec(text) : null;
    return m ? { id: m[1], title: m[2].trim(), noun: "Group" } : null;
  },
};
