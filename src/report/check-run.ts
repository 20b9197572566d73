import type { Annotation, CheckRunOutput, Conclusion } from "../github/check-run.js";
import type { Finding } from "../rules/types.js";
import { ruleDocsUrl } from "../rules/docs-url.js";
import type { CheckReport, PlanResult } from "./check-report.js";
import { blobUrl, clip, codeSpan, escapeText, link } from "./escape-markdown.js";
import { countBySeverity, countsLine, criteriaProgress, findingBullet, formatText, gateState, joinWithinLimit, phaseLabel, plural, statusText, unresolvedQuestions } from "./plan-summary.js";

/** GitHub's limit for a check run's summary and text. */
export const OUTPUT_LIMIT = 65535;
/**
 * Annotations in the one check-run request (GitHub takes 50 per request, and every further
 * request waits for a throttle slot); the rest, errors first, are listed in the summary.
 */
export const MAX_ANNOTATIONS = 50;

const LEVEL = { error: "failure", warning: "warning", notice: "notice" } as const;

export interface CheckRunResult {
  conclusion: Conclusion;
  output: CheckRunOutput;
  annotations: Annotation[];
}

/** The "Plan hygiene" check run for a report: conclusion, title, markdown summary, annotations. */
export function buildCheckRun(report: CheckReport): CheckRunResult {
  const findings = report.plans.flatMap((p) => p.findings);
  const counts = countBySeverity(findings);
  const conclusion: Conclusion =
    report.configErrors.length > 0 || counts.error > 0 ? "failure" : report.plans.length === 0 || report.truncatedAt !== null ? "neutral" : "success";
  const annotations = [...configAnnotations(report), ...findings.map(toAnnotation)];
  const rank = { failure: 0, warning: 1, notice: 2 } as const;
  const shown = annotations.length <= MAX_ANNOTATIONS ? annotations : [...annotations].sort((a, b) => rank[a.annotation_level] - rank[b.annotation_level]).slice(0, MAX_ANNOTATIONS);
  const sections = [headline(report, findings), ...notices(report, annotations.length - shown.length), ...configSection(report), ...report.plans.map((p) => planSection(p, report))];
  const summary = joinWithinLimit(sections, OUTPUT_LIMIT, (n) => `_…${plural(n, "more section")} not shown: GitHub limits a check summary to ${OUTPUT_LIMIT} characters. Every finding is also an annotation on its line._`);
  return { conclusion, output: { title: title(report, findings), summary }, annotations: shown };
}

function title(report: CheckReport, findings: Finding[]): string {
  if (report.configErrors.length > 0) return `Configuration error: ${plural(report.configErrors.length, "problem")} in plan-hygiene.yml`;
  if (report.plans.length === 0) return report.truncatedAt !== null ? `No plan among the first ${report.truncatedAt} files` : "No plan in this change";
  const c = countBySeverity(findings);
  const problems = (["error", "warning", "notice"] as const).filter((s) => c[s] > 0).map((s) => plural(c[s], s));
  return `${problems.length ? problems.join(", ") : "No problems"} in ${plural(report.plans.length, "plan")}`;
}

function headline(report: CheckReport, findings: Finding[]): string {
  const sha = codeSpan(report.headSha.slice(0, 7));
  if (report.plans.length === 0) {
    return `No plan found at ${sha}: this change touches no file matching \`plans.include\` that reads as a plan, and its description names none. Nothing to check.`;
  }
  return `Checked ${plural(report.plans.length, "plan")} at ${sha}: ${countsLine(findings)}.`;
}

function notices(report: CheckReport, droppedAnnotations: number): string[] {
  const out: string[] = [];
  if (report.truncatedAt !== null) {
    out.push(`> [!WARNING]\n> GitHub lists only the first ${report.truncatedAt} changed files, so plans among the remaining files were not checked. Split the change, or name the plans in the description to have them checked.`);
  }
  if (report.unreadable.length > 0) {
    out.push(`> [!WARNING]\n> Not checked because they are not UTF-8 text: ${report.unreadable.slice(0, 20).map(codeSpan).join(", ")}.`);
  }
  if (droppedAnnotations > 0) out.push(`_${plural(droppedAnnotations, "more finding")} beyond the first ${MAX_ANNOTATIONS} (errors first) are listed below but not annotated: GitHub takes ${MAX_ANNOTATIONS} annotations per request._`);
  return out;
}

function configSection(report: CheckReport): string[] {
  if (report.configErrors.length === 0) return [];
  const lines = report.configErrors.map((e) => `- ${codeSpan(e.source)}${e.line !== null ? ` line ${e.line}` : ""}: ${escapeText(clip(e.message, 500))}`);
  return [`### Configuration errors\nThe configuration could not be used as written; the settings that are valid still apply and the rest fall back to defaults. Fix these:\n\n${lines.join("\n")}`];
}

function planSection(result: PlanResult, report: CheckReport): string {
  const { plan } = result;
  const url = blobUrl(report.repoUrl, report.headSha, result.path);
  const lines = [`### ${link(codeSpan(result.path), url)} — ${statusText(plan)} · ${formatText(plan)}${result.changed ? "" : " _(named in the description)_"}`];
  if (plan.unparseable) lines.push(`Not parsed: ${escapeText(plan.unparseable.reason)}`);
  if (plan.phases.length > 0) {
    lines.push("", "| Phase | Success criteria | Confirmation gate |", "| --- | --- | --- |");
    for (const phase of plan.phases) {
      lines.push(`| ${link(phaseLabel(phase), blobUrl(report.repoUrl, report.headSha, result.path, phase.headingSpan.start.line))} | ${criteriaProgress(phase)} | ${gateState(phase)} |`);
    }
  }
  const open = unresolvedQuestions(plan);
  if (open.length > 0) {
    lines.push("", `**Open questions:** ${open.length} unresolved`);
    for (const q of open.slice(0, 20)) lines.push(`- ${link(`line ${q.span.start.line}`, blobUrl(report.repoUrl, report.headSha, result.path, q.span.start.line))}: ${escapeText(clip(q.text, 300))}`);
    if (open.length > 20) lines.push(`- …and ${open.length - 20} more`);
  }
  if (result.findings.length > 0) {
    lines.push("", `**Findings** (${countsLine(result.findings)})`);
    for (const f of result.findings) lines.push(findingBullet(f, report.repoUrl, report.headSha));
  }
  return lines.join("\n");
}

function toAnnotation(f: Finding): Annotation {
  const sameLine = f.line === f.endLine;
  return {
    path: f.path,
    start_line: f.line,
    end_line: Math.max(f.endLine, f.line),
    // Finding columns end exclusive; GitHub's end_column is the last column.
    ...(sameLine && f.endColumn - 1 >= f.column ? { start_column: f.column, end_column: f.endColumn - 1 } : {}),
    annotation_level: LEVEL[f.severity],
    title: f.rule,
    message: clip(f.message, 4000),
    raw_details: `Rule ${f.rule}: ${ruleDocsUrl(f.rule)}`,
  };
}

function configAnnotations(report: CheckReport): Annotation[] {
  return report.configErrors
    .filter((e) => e.path !== null && e.line !== null)
    .map((e) => ({ path: e.path as string, start_line: e.line as number, end_line: e.line as number, annotation_level: "failure" as const, title: "configuration", message: clip(e.message, 4000) }));
}
