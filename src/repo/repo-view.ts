import type { RepoPath } from "../plan/repo-path.js";

/**
 * What a rule may ask about the repository a plan lives in: whether a named path exists at the
 * checked commit (or on disk). Filled by the CLI (the working tree) and by the App (the tree at
 * the head commit); rules never read it themselves.
 */
export interface RepoView {
  /** true / false, or null when it could not be checked */
  exists(path: RepoPath): boolean | null;
  /** where the answers come from, for messages: "at commit `abc1234`", "on disk" */
  where: string;
  /** why some answers are null (the tree was too large to read at once), when they can be */
  limit: string | null;
}

/** When the plan or the files it names last changed, for `stale-plan`. */
export interface HistoryView {
  /**
   * The latest commit date touching any of `paths` (the plan itself first), null when none did,
   * or undefined when there is no history to ask (not a git checkout).
   */
  lastChange(paths: readonly RepoPath[]): Date | null | undefined;
  /** the reference time: now, or the checked commit's date */
  now: Date;
  /** why there is no history, when `lastChange` answers undefined */
  missing: string | null;
}
