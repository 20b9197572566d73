import { phaseNamedPaths, taskNamedPaths, type NamedPath } from "../plan/named-paths.js";
import { newClaims } from "../plan/new-claims.js";
import type { PlanDocument } from "../plan/types.js";
import { fileListView } from "../repo/file-list-view.js";
import { namedPathExists } from "../repo/named-path-exists.js";
import { firstLineOf } from "./locate.js";
import { phaseName } from "./phase-name.js";
import { tickedWithoutChange } from "./ticked-without-change.js";
import type { Finding } from "./types.js";

/**
 * Notices for phases whose boxes a change ticked or whose gate it confirmed (`base` → `head`)
 * while none of the `changed` paths is a file the phase names or lies under a directory or glob
 * it names (the matching `done-without-change` uses: exact and case-sensitive, a bare name
 * anywhere, also relative to the plan's folder). The plan file itself does not count as a
 * change. One notice per phase, on its first newly ticked line (or the confirmation line).
 */
export function tickedWithoutChangeFindings(base: PlanDocument, head: PlanDocument, changed: readonly string[]): Finding[] {
  const view = fileListView(
    changed.filter((p) => p !== head.path && p !== base.path),
    { where: "in this pull request", complete: true },
  );
  const findings: Finding[] = [];
  for (const claim of newClaims(base, head)) {
    const named = namedBy(head, claim.phase);
    if (named.length === 0 || named.some((n) => namedPathExists(view, head.path, n) === true)) continue;
    const lines = claim.ticked.map((b) => b.span.start.line);
    const at = firstLineOf(head, claim.ticked[0]?.span ?? (claim.confirmed as NonNullable<typeof claim.confirmed>).span);
    const ticks = lines.length === 0 ? "" : lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(", ")}`;
    const gate = claim.confirmed ? `gate line ${claim.confirmed.span.start.line}` : "";
    const did = ticks && gate ? "Ticked and confirmed" : ticks ? "Ticked" : "Confirmed";
    const reopen = `\`/plan phase-reopen ${claim.phase.id.replace(/`/g, "'")}\``;
    const undo = [ticks ? (lines.length === 1 ? "untick the box" : "untick the boxes") : "", gate ? reopen : ""].filter(Boolean).join(" and ");
    const list = named.slice(0, 5).map((n) => `\`${n.path}\``).join(", ") + (named.length > 5 ? ` and ${named.length - 5} more` : "");
    const name = phaseName(claim.phase);
    findings.push({
      rule: tickedWithoutChange.id,
      severity: tickedWithoutChange.defaultSeverity,
      path: head.path,
      line: at.start.line,
      column: at.start.column,
      endLine: at.end.line,
      endColumn: at.end.column,
      message: `${did} in this PR (${[ticks, gate].filter(Boolean).join("; ")}), but none of ${name}'s files changed here: ${list}. Expected a pull request that ticks ${name} to change at least one file it names: if an earlier pull request did the work, ignore this notice (saying which one in the description helps reviewers); otherwise add the change, correct the paths in the plan, or ${undo}.`,
    });
  }
  return findings;
}

/** The paths a phase names: its file entries, then paths in its task lines, once each. */
function namedBy(plan: PlanDocument, phase: PlanDocument["phases"][number]): NamedPath[] {
  const all = [...phaseNamedPaths(plan, phase), ...(phase.boxes ?? []).flatMap((b) => taskNamedPaths(plan, b))];
  const seen = new Set<string>();
  return all.filter((n) => !seen.has(n.path) && seen.add(n.path));
}
