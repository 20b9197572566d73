// A plan format: how one family of plans (the reference template, HumanLayer, spec-kit, GSD,
// OpenSpec, superpowers, Kiro…) is recognised and which of the template's constructs it has.
// Rules ask only what the plan's own format defines; adding a format = one file beside the
// others + one line in index.ts + fixtures.

export const FORMAT_IDS = ["template", "humanlayer", "spec-kit", "gsd", "openspec", "superpowers", "kiro", "generic"] as const;
export type FormatId = (typeof FORMAT_IDS)[number];

/** What a format detector may look at: cheap facts gathered once per parse, code blocks excluded. */
export interface FormatEvidence {
  /** repository-relative path with forward slashes */
  path: string;
  /** heading texts (markup stripped) with their depth, in document order */
  headings: readonly { depth: number; text: string }[];
  /** bold/plain line labels (`**Checkpoint**:` → "Checkpoint") with the text after them */
  labels: readonly { label: string; value: string }[];
  /** task-list item texts, markup stripped */
  tasks: readonly string[];
  frontmatter: Record<string, unknown> | null;
  /** the raw text (for markers such as `<task>` blocks that mdast keeps as HTML) */
  text: string;
}

/**
 * How strongly a marker identifies a format: 3 = the template's own Confirmation Gate,
 * 2 = a path or construct only that format writes, 1 = a hint shared with look-alikes.
 */
export interface FormatMatch {
  marker: string;
  strength: 1 | 2 | 3;
}

/**
 * `required`: every phase must have it (the template's rules in full);
 * `consistent`: the format has it, so a phase lacking what most of its sibling phases have is reported;
 * `none`: the format does not have it, never asked for.
 */
export type Expectation = "required" | "consistent" | "none";

export interface FormatExpectations {
  /** a plan without a Status field is reported */
  status: boolean;
  /** a confirmation gate (or the format's own gate) per phase */
  gates: Expectation;
  /** success criteria per phase */
  criteria: Expectation;
  /** Automated criteria per phase */
  automated: Expectation;
  /** the Change Log must be the template's Date | Author | Change table */
  templateChangeLog: boolean;
  /** the default `sections.required` */
  sections: readonly string[];
  /** unresolved open questions are reported (as warnings) before the plan says work has started */
  questionsBeforeWork: boolean;
  /** phases are done in document order unless the plan says otherwise (ticks out of order are reported) */
  sequentialPhases: boolean;
}

export interface PlanFormat {
  id: FormatId;
  /** display name: "HumanLayer create_plan" */
  name: string;
  /** the markers `detect` looks for, one line each, for docs/formats.md */
  markers: readonly string[];
  detect(evidence: FormatEvidence): FormatMatch | null;
  expects: FormatExpectations;
  /** whether a `**Label**: value` line inside a phase is that phase's gate in this format */
  isGateLabel(label: string, value: string): boolean;
  /** paths that hold a plan in this format whatever their content (`openspec/changes/<id>/tasks.md`) */
  planFile?: RegExp;
  /** a bracketed token this format's own template leaves for the author to fill (`[FEATURE]`) */
  templateToken?(content: string): boolean;
  /** a status the path implies when the plan has no Status field (OpenSpec's `changes/archive/`) */
  impliedStatus?(path: string): { status: "completed"; because: string } | null;
  /** an extra phase heading form of this format (`### Task 3: …`, `## 2. …`), besides `Phase N` */
  phaseHeading?(text: string, depth: number): { id: string; title: string; noun: string } | null;
}

/** The format a plan was read as, kept on the PlanDocument (plain data: it crosses worker threads). */
export interface PlanFormatInfo {
  id: FormatId;
  name: string;
  /** the marker that decided it, or "plans.format" / "plans.formats[glob]" when configured */
  marker: string;
  source: "detected" | "config";
}
