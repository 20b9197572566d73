// superpowers (obra/superpowers writing-plans): `### Task N: …` with a `**Files:**` list of
// `Create:` / `Modify:` / `Test:` lines and `- [ ] **Step N: …**` boxes; each task is a phase.
import { isConfirmationGate } from "./gate-labels.js";
import { taskListFormat } from "./expectations.js";
import type { PlanFormat } from "./types.js";

const TASK = /^task\s+(\d+(?:\.\d+)?[a-z]?)\b\s*(?:[:：.—–-]\s*)?(.*)$/iu;

export const superpowers: PlanFormat = {
  id: "superpowers",
  name: "superpowers",
  markers: [
    "`### Task N:` headings with a `**Files:**` label",
    "a `superpowers:` skill reference (`REQUIRED SUB-SKILL: Use superpowers:executing-plans`)",
    "the path `docs/superpowers/plans/…`",
  ],
  detect(e) {
    if (/\bsuperpowers:[a-z-]+/i.test(e.text)) return { marker: "superpowers: skill reference", strength: 2 };
    const tasks = e.headings.filter((h) => TASK.test(h.text)).length;
    if (tasks >= 1 && e.labels.some((l) => /^files$/i.test(l.label.trim()))) return { marker: "### Task N: with **Files:**", strength: 2 };
    if (/(^|\/)docs\/superpowers\//.test(e.path)) return { marker: "docs/superpowers/ path", strength: 2 };
    if (tasks >= 2 && e.tasks.some((t) => /^step\s+\d+/i.test(t))) return { marker: "Task N headings with Step N boxes", strength: 1 };
    return null;
  },
  expects: taskListFormat(true),
  isGateLabel: isConfirmationGate,
  phaseHeading(text, depth) {
    const m = depth >= 2 ? TASK.exec(text) : null;
    return m ? { id: m[1], title: m[2].trim(), noun: "Task" } : null;
  },
};
