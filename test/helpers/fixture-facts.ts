import type { RuleContext } from "../../src/rules/types.js";
import { fileListView } from "../../src/repo/file-list-view.js";

/**
 * The repository facts a rule fixture states in HTML comments (invisible when rendered):
 * `<!-- repo-files: a.ts src/b.ts -->` lists every file at the checked commit;
 * `<!-- history: now 2026-06-01, last change 2026-03-20 -->` (or `last change none`) says when
 * the plan or a file it names last changed. Without them the facts are unknown.
 */
export function fixtureFacts(text: string): Omit<RuleContext, "config"> {
  const facts: Omit<RuleContext, "config"> = {};
  const files = /<!--\s*repo-files:([^>]*?)-->/.exec(text);
  if (files) facts.repo = fileListView(files[1].trim().split(/\s+/).filter(Boolean), { where: "at the checked commit", complete: true });
  const history = /<!--\s*history:\s*now\s+(\d{4}-\d\d-\d\d),\s*last change\s+(none|\d{4}-\d\d-\d\d)\s*-->/.exec(text);
  if (history) {
    const last = history[2] === "none" ? null : new Date(`${history[2]}T12:00:00Z`);
    facts.history = { now: new Date(`${history[1]}T12:00:00Z`), missing: null, lastChange: () => last };
  }
  return facts;
}
