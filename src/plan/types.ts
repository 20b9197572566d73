import type { PlanFormatInfo } from "../formats/types.js";

// The typed model of one markdown implementation plan. Every element carries a Span whose
// offsets index the ORIGINAL text (BOM and CRLF included), so edits can splice by offset.

/** line and column are 1-based (column counts UTF-16 code units, BOM excluded on line 1); offset is 0-based into `PlanDocument.text`. */
export interface Position {
  line: number;
  column: number;
  offset: number;
}

/** `end` is exclusive: text.slice(start.offset, end.offset) is the element's source. */
export interface Span {
  start: Position;
  end: Position;
}

export type FieldForm = "bold" | "list" | "frontmatter" | "plain";

/** A header field such as `**Status:** Approved`, `- Status: Approved` or frontmatter `status: approved`. */
export interface HeaderField {
  /** the key as written, without markup: "Status" */
  key: string;
  /** the value with markup stripped and trimmed */
  value: string;
  form: FieldForm;
  /** the whole field (the line, or the frontmatter entry) */
  span: Span;
  /** the raw value bytes, for in-place edits */
  valueSpan: Span;
}

/** Canonical section names the parser knows (aliases map onto these). */
export type SectionKind =
  | "overview"
  | "current-state"
  | "desired-end-state"
  | "not-doing"
  | "implementation-approach"
  | "implementation-phases"
  | "testing-strategy"
  | "rollout"
  | "references"
  | "open-questions"
  | "change-log"
  | "key-discoveries"
  | "success-criteria";

export interface Section {
  /** heading text with markup stripped ("Open Questions (should be empty …)") */
  heading: string;
  /** heading normalised for matching: lower case, no emoji/numbering/punctuation */
  normalized: string;
  /** the canonical kind when the heading (or an alias) is known */
  kind: SectionKind | null;
  depth: number;
  /** the heading line */
  headingSpan: Span;
  /** from the heading start to the start of the next heading of the same or a higher level (or EOF) */
  span: Span;
}

export interface Checkbox {
  /** item text with markup stripped */
  text: string;
  checked: boolean;
  /** the list item's first line */
  span: Span;
  /** offset of the character between the brackets (' ', 'x' or 'X') */
  markOffset: number;
}

export interface FileRef {
  /** the path as written, without backticks or a trailing `:12-34` line range */
  path: string;
  /** "12-34" when the entry names a line range */
  lines: string | null;
  span: Span;
}

/** A `✅ Confirmed by @user on YYYY-MM-DD at <sha>` marker written by `/plan phase-done`. */
export interface GateConfirmation {
  user: string;
  date: string;
  sha: string;
  span: Span;
}

export interface Gate {
  /** the gate text with markup stripped (empty string when the gate has no text) */
  text: string;
  /** the label line (`**Confirmation Gate**: …`) or the heading */
  span: Span;
  /** where the gate's text is, when it has any */
  textSpan: Span | null;
  form: "bold" | "heading";
  confirmation: GateConfirmation | null;
}

export interface Criteria {
  automated: Checkbox[];
  manual: Checkbox[];
  /** boxes under a success-criteria label that is not split into Automated/Manual */
  other: Checkbox[];
  /** where the criteria label/heading is, null when the phase has none */
  span: Span | null;
}

/** A status written in the phase heading (`✅`, `— COMPLETE`, `(in progress)`). */
export type PhaseMark = "done" | "in-progress";

export interface Phase {
  /** the label as written: "1A", "02b", "3.1", "3+" */
  id: string;
  /** what the plan calls it when not "Phase": "Task" (superpowers), "Group" (OpenSpec) */
  noun?: string;
  /** heading title without the `Phase N:` prefix and without markdown emphasis */
  title: string;
  depth: number;
  headingSpan: Span;
  /** heading start to the next heading of the same or higher level, or to the next phase */
  span: Span;
  /** `## ~~Phase 0: …~~ (REMOVED)` */
  removed: boolean;
  files: FileRef[];
  criteria: Criteria;
  gate: Gate | null;
  /** every task-list checkbox inside the phase (criteria and tasks alike), in document order */
  boxes?: Checkbox[];
  /** the status its heading declares, if any */
  mark?: PhaseMark | null;
  /** ids of the phases it says it depends on ("Depends on Phase 2", "**Dependencies**: Phase 1, 3") */
  dependsOn?: string[];
}

export interface OpenQuestion {
  text: string;
  resolved: boolean;
  /** the item's question: from the list marker to the end of its first block (a table row for table-form questions) */
  span: Span;
  /** the whole item, sub-bullets included (added by the parser; absent in hand-built models) */
  itemSpan?: Span;
}

export interface ChangeLogRow {
  /** all cells as written (trimmed, markup kept) */
  cells: string[];
  date: string;
  author: string;
  change: string;
  span: Span;
}

export interface ChangeLog {
  /** the section heading ("Change Log", "Changelog") */
  section: Section;
  /** the table, null when the section has no table */
  table: {
    span: Span;
    header: string[];
    /** column index of each known column, -1 when absent */
    columns: { date: number; author: number; change: number };
    rows: ChangeLogRow[];
  } | null;
  /** where a new table row would be inserted (just after the last row, or after the delimiter row) */
  insertOffset: number;
}

export interface PlanDocument {
  path: string;
  /** the format the plan was read as (detected from its markers and path, or configured) */
  format: PlanFormatInfo;
  /** the original text, byte for byte (as decoded UTF-8) */
  text: string;
  bom: boolean;
  eol: "\n" | "\r\n";
  finalNewline: boolean;
  title: { text: string; span: Span } | null;
  fields: HeaderField[];
  /** the document status field, if any (frontmatter wins over body fields) */
  status: HeaderField | null;
  frontmatter: Record<string, unknown> | null;
  sections: Section[];
  phases: Phase[];
  openQuestions: { section: Section; items: OpenQuestion[] } | null;
  changeLog: ChangeLog | null;
  /** every task-list checkbox outside code, in document order */
  checkboxes: Checkbox[];
  isPlan: boolean;
  /** why a file that reads like a plan is not one ("an agent command, skill or prompt file"); absent otherwise */
  notPlan?: string;
  /**
   * Phase headings whose id repeats a phase in `phases` (summary lists, examples, a second phase
   * set); `phases` keeps the one with the largest span. Absent in hand-built models.
   */
  duplicatePhases?: Phase[];
  /** set when the text was not parsed (too large, pathological); every list above is then empty */
  unparseable: { reason: string } | null;
}
