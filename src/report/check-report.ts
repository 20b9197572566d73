import type { PlanDocument } from "../plan/types.js";
import type { Finding } from "../rules/types.js";
import type { RepoView } from "../repo/repo-view.js";

/** One plan the check looked at. */
export interface PlanResult {
  path: string;
  plan: PlanDocument;
  findings: Finding[];
  /** the PR changes this file (false: only named in its description) */
  changed: boolean;
  /** what the check knows about the repository at the head, when it read the tree */
  repo?: RepoView;
}

export interface ConfigProblem {
  source: string;
  /** repository path when the file is in the checked repository */
  path: string | null;
  line: number | null;
  key: string;
  message: string;
}

/** Everything the pure report builders need; gathered by src/core. */
export interface CheckReport {
  /** https://github.com/owner/repo */
  repoUrl: string;
  headSha: string;
  /** the PR number (null for merge groups) */
  number: number | null;
  plans: PlanResult[];
  configErrors: ConfigProblem[];
  /** set when GitHub's file list stopped at its limit */
  truncatedAt: number | null;
  /** plan paths whose text could not be read (binary, not UTF-8) */
  unreadable: string[];
  /** every file the PR changes (removed ones included), for "unplanned changes" */
  changedFiles: string[];
}
