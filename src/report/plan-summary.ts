import type { Phase, PlanDocument } from "../plan/types.js";
import type { Finding, Severity } from "../rules/types.js";
import { ruleDocsUrl } from "../rules/docs-url.js";
import { blobUrl, clip, codeSpan, escapeText, link } from "./escape-markdown.js";

// Pieces shared by the check-run summary and the sticky comment.

export const ICONS: Record<Severity, string> = { error: "❌", warning: "⚠️", notice: "ℹ️" };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "❌ 2 errors · ⚠️ 1 warning" (or "no problems found"). */
export function countsLine(findings: readonly Finding[]): string {
  const c = countBySeverity(findings);
  const parts = (["error", "warning", "notice"] as const).filter((s) => c[s] > 0).map((s) => `${ICONS[s]} ${plural(c[s], s)}`);
  return parts.length ? parts.join(" · ") : "✅ no problems found";
}

export function statusText(plan: PlanDocument): string {
  return plan.status ? `**${escapeText(clip(plan.status.value, 40))}**` : "_no status_";
}

/** "HumanLayer create_plan format" — which format the plan was judged as, and why when configured. */
export function formatText(plan: PlanDocument): string {
  return `_${escapeText(plan.format.name)} format${plan.format.source === "config" ? " (configured)" : ""}_`;
}

export function phaseLabel(phase: Phase): string {
  const label = `${phase.id} · ${clip(phase.title, 60)}`;
  return phase.removed ? `~~${escapeText(label)}~~` : escapeText(label);
}

/** "Automated 2/3 · Manual 0/1", or "—" when the phase lists no criteria. */
export function criteriaProgress(phase: Phase): string {
  const groups = [
    ["Automated", phase.criteria.automated],
    ["Manual", phase.criteria.manual],
    ["Criteria", phase.criteria.other],
  ] as const;
  const parts = groups.filter(([, boxes]) => boxes.length > 0).map(([name, boxes]) => `${name} ${boxes.filter((b) => b.checked).length}/${boxes.length}`);
  return parts.length ? parts.join(" · ") : "—";
}

export function gateState(phase: Phase): string {
  if (phase.removed) return "removed";
  if (!phase.gate) return "no gate";
  const c = phase.gate.confirmation;
  if (c) return `✅ confirmed by ${escapeText(`@${c.user}`)} on ${escapeText(c.date)} at ${codeSpan(c.sha.slice(0, 7))}`;
  return "⏳ awaiting confirmation";
}

export function unresolvedQuestions(plan: PlanDocument) {
  return plan.openQuestions?.items.filter((q) => !q.resolved) ?? [];
}

/** "❌ [line 12](…#L12) [`rule-id`](docs): message" */
export function findingBullet(finding: Finding, repoUrl: string, sha: string): string {
  return `- ${ICONS[finding.severity]} ${link(`line ${finding.line}`, blobUrl(repoUrl, sha, finding.path, finding.line))} ${link(codeSpan(finding.rule), ruleDocsUrl(finding.rule))}: ${escapeText(clip(finding.message, 500))}`;
}

/** Joins sections, dropping whole sections from the end (with a note) to stay within `limit` characters. */
export function joinWithinLimit(sections: readonly string[], limit: number, note: (omitted: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, section] of sections.entries()) {
    const reserve = i === sections.length - 1 ? 0 : 400;
    if (length + section.length + 2 + reserve > limit) {
      const tail = note(sections.length - i);
      const head = kept.join("\n\n");
      return `${head.length + tail.length + 2 > limit ? head.slice(0, limit - tail.length - 2) : head}\n\n${tail}`;
    }
    kept.push(section);
    length += section.length + 2;
  }
  return kept.join("\n\n");
}
