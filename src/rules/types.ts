import type { PlanDocument, Span } from "../plan/types.js";
import type { Config } from "../config/schema.js";
import type { HistoryView, RepoView } from "../repo/repo-view.js";

export type Severity = "error" | "warning" | "notice";

/** What a rule reports; the engine adds the rule id and resolves the severity. */
export interface RuleReport {
  span: Span;
  message: string;
  /** overrides the rule's default severity for this one report (e.g. open questions before Approved) */
  severity?: Severity;
}

export interface Finding {
  rule: string;
  severity: Severity;
  /** 1-based; endLine/endColumn inclusive of the last character's column + 1 (exclusive column) */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** the file the finding is in (set by the lint runner) */
  path: string;
}

export interface RuleContext {
  config: Config;
  /** whether named paths exist (CLI: the disk; App: the tree at the head); absent = unknown, repository rules stay silent */
  repo?: RepoView | null;
  /** when the plan and its files last changed (CLI: git log); absent = unknown */
  history?: HistoryView | null;
}

export interface Rule {
  /** kebab-case id, also the docs page name: docs/rules/<id>.md */
  id: string;
  defaultSeverity: Severity;
  /** one line: what the rule checks */
  description: string;
  check(plan: PlanDocument, ctx: RuleContext): RuleReport[];
}

/** What users and docs see of a rule: rules that need the repository's history have no `check`. */
export type RuleInfo = Pick<Rule, "id" | "defaultSeverity" | "description">;
