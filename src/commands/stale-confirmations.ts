import type { PlanDocument } from "../plan/types.js";
import type { Finding } from "../rules/types.js";
import { fileRefMatches } from "../core/match-file-ref.js";

import { staleConfirmation } from "../rules/stale-confirmation.js";

export const STALE_RULE = staleConfirmation.id;

/** Whether a changed repository path is one a phase's `**File**:` entry names — the sticky comment's own rule (paths, path tails, folders, globs). */
export function namesFile(ref: string, changed: string): boolean {
  return fileRefMatches(ref, changed);
}

/**
 * Notices for confirmed phases whose named files changed after the confirmation commit.
 * `changedSince` maps a confirmation sha (as written) to the files changed from it to the head,
 * or to null when that commit is not in the branch's history.
 */
export function staleConfirmationFindings(plan: PlanDocument, changedSince: ReadonlyMap<string, readonly string[] | null>): Finding[] {
  const findings: Finding[] = [];
  for (const phase of plan.phases) {
    const c = phase.gate?.confirmation;
    if (!c || !changedSince.has(c.sha)) continue;
    const changed = changedSince.get(c.sha) ?? null;
    const id = phase.id.replace(/`/g, "'");
    const again = `Check that the phase still holds, then \`/plan phase-reopen ${id}\` and \`/plan phase-done ${id}\` to confirm it at the new head.`;
    let message: string;
    if (changed === null) {
      message = `Phase ${id} was confirmed at ${c.sha.slice(0, 7)}, which is no longer in this branch's history (rebased or force-pushed), so the confirmation may not cover the current code. ${again}`;
    } else {
      const hits = [...new Set(changed.filter((f) => f !== plan.path && phase.files.some((ref) => namesFile(ref.path, f))))];
      if (hits.length === 0) continue;
      const list = hits.slice(0, 5).map((f) => `\`${f}\``).join(", ") + (hits.length > 5 ? ` and ${hits.length - 5} more` : "");
      message = `Phase ${id} was confirmed at ${c.sha.slice(0, 7)}, but later commits changed files it names: ${list}. The confirmation may be stale. ${again}`;
    }
    findings.push({
      rule: STALE_RULE,
      severity: staleConfirmation.defaultSeverity,
      path: plan.path,
      line: c.span.start.line,
      column: c.span.start.column,
      endLine: c.span.end.line,
      endColumn: c.span.end.column,
      message,
    });
  }
  return findings;
}
