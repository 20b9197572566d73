import type { Phase, PlanDocument } from "../plan/types.js";
import { phaseNamedPaths } from "../plan/named-paths.js";
import { doneClaim } from "../rules/done-claim.js";
import type { RepoView } from "../repo/repo-view.js";
import { fileRefMatches } from "../core/match-file-ref.js";
import type { CheckReport, PlanResult } from "./check-report.js";
import { blobUrl, codeSpan, link } from "./escape-markdown.js";
import { countsLine, criteriaProgress, findingBullet, formatText, gateState, joinWithinLimit, phaseLabel, plural, statusText, unresolvedQuestions } from "./plan-summary.js";

export const STICKY_MARKER = "<!-- plan-hygiene:summary -->";
/** GitHub's limit for a comment body. */
export const COMMENT_LIMIT = 65536;
const MAX_FILES_PER_CELL = 8;
const MAX_UNPLANNED = 30;
const MAX_FINDINGS = 10;

/**
 * The sticky PR comment: per plan, which of each phase's `**File**:` entries this PR changes,
 * the PR's changed files no phase names ("unplanned changes"), open questions and the top
 * findings. Deterministic for a given report, so an unchanged result never edits the comment.
 */
export function buildStickyComment(report: CheckReport): string {
  const findings = report.plans.flatMap((p) => p.findings);
  const checksUrl = report.number !== null ? `${report.repoUrl}/pull/${report.number}/checks` : null;
  const head = [
    STICKY_MARKER,
    `### Plan hygiene: ${countsLine(findings)}`,
    `<sub>${plural(report.plans.length, "plan")} checked at ${codeSpan(report.headSha.slice(0, 7))}${checksUrl ? ` · ${link("check details", checksUrl)}` : ""}</sub>`,
  ].join("\n");
  if (report.plans.length === 0) {
    return `${head}\n\nThis pull request no longer touches or names a plan.`;
  }
  const sections = [head];
  if (report.configErrors.length > 0) sections.push(`> [!WARNING]\n> The plan-hygiene configuration has ${plural(report.configErrors.length, "problem")}; see the check run for details.`);
  if (report.truncatedAt !== null) sections.push(`> [!WARNING]\n> GitHub lists only the first ${report.truncatedAt} changed files; the rest were not compared with the plans.`);
  for (const result of report.plans) sections.push(planSection(result, report));
  return joinWithinLimit(sections, COMMENT_LIMIT - 100, (n) => `_…${plural(n, "more plan")} not shown (comment size limit); see the check run._`);
}

function planSection(result: PlanResult, report: CheckReport): string {
  const { plan } = result;
  const at = (line?: number) => blobUrl(report.repoUrl, report.headSha, result.path, line);
  const lines = [`#### ${link(codeSpan(result.path), at())} — ${statusText(plan)} · ${formatText(plan)}`];
  const changed = report.changedFiles.filter((f) => f !== result.path);
  const phases = plan.phases.filter((p) => !p.removed);
  if (phases.length > 0) {
    const repo = result.repo;
    lines.push("", `| Phase | Changed in this PR | Not changed yet | Criteria | Gate |${repo ? " Missing |" : ""}`, `| --- | --- | --- | --- | --- |${repo ? " --- |" : ""}`);
    for (const phase of phases) {
      const { touched, untouched } = phaseFiles(phase, changed);
      const missing = repo ? ` ${missingFiles(plan, phase, repo)} |` : "";
      lines.push(`| ${link(phaseLabel(phase), at(phase.headingSpan.start.line))} | ${fileList(touched)} | ${fileList(untouched)} | ${criteriaProgress(phase)} | ${gateState(phase)} |${missing}`);
    }
  } else {
    lines.push("", "_No phases found in this plan._");
  }
  const planned = plan.phases.flatMap((p) => p.files);
  const planPaths = new Set(report.plans.map((p) => p.path));
  const unplanned = changed.filter((f) => !planPaths.has(f) && !planned.some((ref) => fileRefMatches(ref.path, f)));
  if (unplanned.length > 0 && planned.length > 0) {
    const shown = unplanned.slice(0, MAX_UNPLANNED).map(codeSpan).join(", ");
    const more = unplanned.length > MAX_UNPLANNED ? ` and ${unplanned.length - MAX_UNPLANNED} more` : "";
    lines.push("", `**Unplanned changes** (changed here, named by no phase): ${shown}${more}`);
  } else if (planned.length === 0) {
    lines.push("", "_No phase names its files (`**File**:` entries), so changes cannot be matched to phases._");
  }
  const open = unresolvedQuestions(plan);
  if (open.length > 0) lines.push("", `**Open questions:** ${open.slice(0, 10).map((q) => link(`line ${q.span.start.line}`, at(q.span.start.line))).join(", ")}${open.length > 10 ? ` and ${open.length - 10} more` : ""} unresolved`);
  if (result.findings.length > 0) {
    lines.push("", `**Findings** (${countsLine(result.findings)})`);
    for (const f of result.findings.slice(0, MAX_FINDINGS)) lines.push(findingBullet(f, report.repoUrl, report.headSha));
    if (result.findings.length > MAX_FINDINGS) lines.push(`- …and ${result.findings.length - MAX_FINDINGS} more in the check run`);
  }
  return lines.join("\n");
}

/** A phase's `**File**:` entries split by whether this PR changes a file they name. */
export function phaseFiles(phase: Phase, changed: readonly string[]): { touched: string[]; untouched: string[] } {
  const touched: string[] = [];
  const untouched: string[] = [];
  for (const ref of phase.files) (changed.some((f) => fileRefMatches(ref.path, f)) ? touched : untouched).push(ref.path);
  return { touched: [...new Set(touched)], untouched: [...new Set(untouched)] };
}

/** "2 named files missing: `a.ts`, `b.ts`" for the paths a done phase creates or modifies that the head lacks. */
function missingFiles(plan: PlanDocument, phase: Phase, repo: RepoView): string {
  if (!doneClaim(plan, phase)) return "—";
  const gone = phaseNamedPaths(plan, phase).filter((n) => n.intent !== "delete" && n.intent !== "rename-away" && repo.exists(n) === false);
  const paths = [...new Set(gone.map((n) => n.path))];
  return paths.length === 0 ? "—" : `${plural(paths.length, "named file")} missing: ${fileList(paths)}`;
}

function fileList(paths: readonly string[]): string {
  if (paths.length === 0) return "—";
  const shown = paths.slice(0, MAX_FILES_PER_CELL).map(codeSpan).join(", ");
  return paths.length > MAX_FILES_PER_CELL ? `${shown} +${paths.length - MAX_FILES_PER_CELL} more` : shown;
}
