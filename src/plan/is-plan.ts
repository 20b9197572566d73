// Is this markdown file an implementation plan at all? The first row that matches decides.
//
// | evidence                                                                 | isPlan |
// |--------------------------------------------------------------------------|--------|
// | ≥ 1 phase heading that is not removed                                     | yes    |
// | the path is a plan file of its format (`specs/*/tasks.md`, `openspec/changes/*/tasks.md`, `.kiro/specs/*/tasks.md`, `.planning/ROADMAP.md`) | yes |
// | ≥ 2 STRONG signature sections, or 1 strong + ≥ 2 weak                     | yes    |
// | the title names a plan ("… Implementation Plan", "Plan: …", 계획/计划/計画) | yes    |
// | frontmatter `type: plan`                                                  | yes    |
// | the file name is a plan's ("PLAN.md", "01-01-PLAN.md", "IMPLEMENTATION_PLAN.md") | yes |
// | the H1 reads "Phase N …" (a one-phase spec) and it has task checkboxes    | yes    |
// | anything else (README, ADR, research notes, design doc)                   | no     |
//
// Strong signatures are sections look-alikes rarely have; weak ones (Current State, Desired End
// State, What We're NOT Doing, Key Discoveries) also appear in design docs (corpus 049: Current
// State + Desired End State + NOT Doing + Design Decisions is a design doc, not a plan).
// "Overview", "Summary", "References" count for nothing. Design docs without phases, plan title
// or plan file name (corpus 001, 003, 005, 006, 008) are therefore NOT plans; the corpus index
// calls them borderline.
import type { Phase, Section, SectionKind } from "./types.js";

export const STRONG_PLAN_SECTIONS: readonly SectionKind[] = [
  "implementation-phases",
  "implementation-approach",
  "success-criteria",
  "testing-strategy",
  "rollout",
  "open-questions",
  "change-log",
];
export const WEAK_PLAN_SECTIONS: readonly SectionKind[] = ["not-doing", "desired-end-state", "current-state", "key-discoveries"];
/** @deprecated name kept for callers; the strong and weak lists together */
export const PLAN_SIGNATURE_SECTIONS: readonly SectionKind[] = [...STRONG_PLAN_SECTIONS, ...WEAK_PLAN_SECTIONS];

export interface PlanEvidence {
  phases: readonly Phase[];
  sections: readonly Section[];
  title: string | null;
  /** the first H1 reads "Phase N …" */
  titleIsPhase: boolean;
  frontmatter: Record<string, unknown> | null;
  path: string;
  checkboxCount: number;
  /** the path is where the plan's format keeps its plans (`specs/<feature>/tasks.md`, `openspec/changes/<id>/tasks.md`) */
  formatPlanFile?: boolean;
}

const PLAN_TITLE = /\bplan\b|计划|計劃|計画|계획/iu;
const PLAN_FILE = /(?:^|[^a-z])plan(?:[^a-z]|$)/i;

export function decideIsPlan(e: PlanEvidence): boolean {
  if (e.phases.some((p) => !p.removed)) return true;
  if (e.formatPlanFile) return true;
  const kinds = new Set(e.sections.map((s) => s.kind));
  const strong = STRONG_PLAN_SECTIONS.filter((k) => kinds.has(k)).length;
  const weak = WEAK_PLAN_SECTIONS.filter((k) => kinds.has(k)).length;
  if (strong >= 2 || (strong >= 1 && weak >= 2)) return true;
  if (e.title !== null && PLAN_TITLE.test(e.title)) return true;
  if (typeof e.frontmatter?.type === "string" && e.frontmatter.type.trim().toLowerCase() === "plan") return true;
  const base = e.path.split(/[\\/]/).pop()!.replace(/\.(md|markdown|mdx)$/i, "");
  if (PLAN_FILE.test(base)) return true;
  return e.titleIsPhase && e.checkboxCount > 0;
}
