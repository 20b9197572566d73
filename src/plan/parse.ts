// parsePlan: markdown text → PlanDocument. Never throws: hostile or oversized input, or an
// internal failure, gives an empty model with `unparseable.reason`.
import { buildChangeLog } from "./change-log.js";
import { buildCheckboxes } from "./checkboxes.js";
import { buildCriteria } from "./criteria.js";
import { buildBodyFields, buildFrontmatterFields, headerRanges, pickStatus } from "./fields.js";
import { buildFileRefs } from "./file-refs.js";
import { blankRange, findFrontmatter, type FrontmatterBlock } from "./frontmatter.js";
import { emptyPlan } from "./empty-plan.js";
import { buildGate } from "./gate.js";
import { checkHostile } from "./guard.js";
import { buildSections, describeHeadings } from "./headings.js";
import { decideIsPlan } from "./is-plan.js";
import { findLabels } from "./labels.js";
import { parseMarkdown } from "./markdown.js";
import { matchPhaseHeading } from "./phase-heading.js";
import { buildOpenQuestions } from "./open-questions.js";
import { choosePhases, findPhaseCandidates, type PhaseCandidate } from "./phases.js";
import { createLineIndex, type LineIndex } from "./positions.js";
import { flattenTree, type FlatTree } from "./tree.js";
import type { Checkbox, Phase, PlanDocument } from "./types.js";
import type { HeadingInfo } from "./headings.js";
import type { Label } from "./labels.js";
import { detectFormat } from "../formats/detect.js";
import { formatById } from "../formats/index.js";
import type { FormatId, PlanFormat } from "../formats/types.js";
import { normalizePlanPath } from "../config/plan-paths.js";
import { notAPlanReason } from "./not-a-plan.js";
import { phaseMarkOf } from "./phase-mark.js";
import { phaseDependencies } from "./phase-dependencies.js";
import { within } from "./ranges.js";

export interface ParseOptions {
  /** bytes (UTF-8); larger input is unparseable. Default 1 000 000. */
  maxFileSize?: number;
  /** config `sections.aliases`: extra names for known sections */
  sectionAliases?: Readonly<Record<string, readonly string[]>>;
  /** the configured format for this path (plans.format / plans.formats); detected when absent */
  format?: FormatId;
}

export const DEFAULT_MAX_FILE_SIZE = 1_000_000;

export function parsePlan(text: string, path: string, options: ParseOptions = {}): PlanDocument {
  const base = emptyPlan(typeof text === "string" ? text : String(text ?? ""), path);
  try {
    const reason = checkHostile(base.text, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (reason !== null) return { ...base, unparseable: { reason } };
    return parseChecked(base, options);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ...emptyPlan(base.text, path), unparseable: { reason: `plan-hygiene failed to read this file (${detail})` } };
  }
}

function parseChecked(plan: PlanDocument, options: ParseOptions): PlanDocument {
  const text = plan.text;
  const shift = plan.bom ? 1 : 0;
  const fm = findFrontmatter(text, shift);
  const source = (fm ? blankRange(text, fm.start, fm.end) : text).slice(shift);
  const md = parseMarkdown(source, shift);
  if (md.root === null) return { ...plan, unparseable: { reason: md.error } };
  const index = createLineIndex(text);
  const flat = flattenTree(md.root);
  const headings = describeHeadings(flat.headings, text.length);
  const sections = buildSections(headings, index, options.sectionAliases);
  const items = new Map(flat.listItems.map((i) => [i.node as unknown, i]));
  const itemOf = (p: FlatTree["paragraphs"][number]) =>
    p.parent?.type === "listItem" && p.parent.children[0] === p.node ? (items.get(p.parent) ?? null) : null;
  const labels = findLabels(text, flat.paragraphs, itemOf);
  const checkboxes = buildCheckboxes(text, index, flat.listItems);
  const formatInfo = detectFormat(
    {
      path: normalizePlanPath(plan.path),
      headings: headings.map((h) => ({ depth: h.depth, text: h.text })),
      labels: labels.map((l) => ({ label: l.label, value: text.slice(l.valueStart, l.lineEnd) })),
      tasks: checkboxes.map((c) => c.text),
      frontmatter: fm?.data ?? null,
      text: source,
    },
    options.format,
  );
  const format = formatById(formatInfo.id);
  const { phases: chosen, duplicates } = choosePhases(findPhaseCandidates(headings, format.phaseHeading));
  const toPhase = (c: PhaseCandidate) => buildPhase(text, index, c, headings, labels, checkboxes, flat, format);
  const phases = chosen.map(toPhase);
  const fields = [...frontmatterFields(text, index, fm), ...buildBodyFields(text, index, headerRanges(headings, fm?.end ?? shift, text.length), labels, flat.paragraphs)];
  const h1 = headings.find((h) => h.depth === 1);
  const notPlan = notAPlanReason({
    path: normalizePlanPath(plan.path),
    title: h1?.text ?? null,
    frontmatter: fm?.data ?? null,
    headings: sections.map((x) => x.normalized),
    status: pickStatus(fields)?.value ?? null,
  });
  const oqSection = sections.find((s) => s.kind === "open-questions") ?? null;
  const clSection = sections.find((s) => s.kind === "change-log") ?? null;
  return {
    ...plan,
    format: formatInfo,
    title: h1 ? { text: h1.text.replace(/^implementation plan\s*[:：—–-]\s*/i, ""), span: index.spanOf(h1.start, h1.end) } : null,
    fields,
    status: pickStatus(fields),
    frontmatter: fm?.data ?? null,
    sections,
    phases,
    duplicatePhases: duplicates.map(toPhase),
    openQuestions: oqSection ? { section: oqSection, items: buildOpenQuestions(text, index, oqSection, flat) } : null,
    changeLog: clSection ? buildChangeLog(text, index, clSection, flat.tables) : null,
    checkboxes,
    ...(notPlan ? { notPlan } : {}),
    isPlan: notPlan === null && decideIsPlan({
      phases,
      sections,
      title: h1?.text ?? null,
      titleIsPhase: h1 !== undefined && matchPhaseHeading(h1.node) !== null,
      frontmatter: fm?.data ?? null,
      path: plan.path,
      checkboxCount: checkboxes.length,
      formatPlanFile: format.planFile?.test(normalizePlanPath(plan.path)) ?? false,
    }),
  };
}

function frontmatterFields(text: string, index: LineIndex, fm: FrontmatterBlock | null) {
  return fm ? buildFrontmatterFields(text, index, fm) : [];
}

function buildPhase(
  text: string,
  index: LineIndex,
  c: PhaseCandidate,
  headings: readonly HeadingInfo[],
  labels: readonly Label[],
  boxes: readonly Checkbox[],
  flat: FlatTree,
  format: PlanFormat,
): Phase {
  const scope = { start: c.heading.start, end: c.end, depth: c.heading.depth };
  const firstSub = headings.find((h) => h.start > c.heading.start && h.start < c.end);
  const own = within(flat.paragraphs, c.heading.end, firstSub?.start ?? c.end, (p) => p.start).map((p) => text.slice(p.start, p.end)).join("\n");
  return {
    id: c.id,
    ...(c.noun ? { noun: c.noun } : {}),
    title: c.title,
    depth: c.heading.depth,
    headingSpan: index.spanOf(c.heading.start, c.heading.end),
    span: index.spanOf(c.heading.start, c.end),
    removed: c.removed,
    files: buildFileRefs(text, scope, index, labels, flat.paragraphs),
    criteria: buildCriteria(scope, index, headings, labels, boxes),
    gate: buildGate(text, scope, index, headings, labels, flat.blocks, flat.paragraphs, format.isGateLabel),
    boxes: within(boxes, scope.start, scope.end, (b) => b.span.start.offset),
    mark: phaseMarkOf(c.heading.text),
    dependsOn: phaseDependencies(`${c.title}\n${own}`),
  };
}
