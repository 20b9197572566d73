import { commitFileChanges, type CommitResult } from "./commit-files.js";
import type { BranchFiles, GitHubReader } from "./read-branch-files.js";

export type { CommitResult } from "./commit-files.js";

export interface CommitFileOptions {
  owner: string;
  repo: string;
  branch: string;
  path: string;
  message: string | { headline: string; body?: string };
  /** new text for the file, or null when there is nothing to do; must be idempotent (see commitFileChanges) */
  edit: (currentText: string, headOid: string) => string | null;
  maxAttempts?: number;
  backoffMs?: number;
  /** a read of `branch` with `path` just made (see commitFileChanges) */
  firstRead?: BranchFiles | null;
}

/** Compare-and-swap commit of one existing text file; see `commitFileChanges`. */
export function commitFileChange(octokit: GitHubReader, options: CommitFileOptions): Promise<CommitResult> {
  const { path, message, edit, ...rest } = options;
  return commitFileChanges(octokit, {
    ...rest,
    paths: [path],
    message: typeof message === "string" ? { headline: message } : message,
    edit: (texts, headOid) => {
      const next = edit(texts[path] as string, headOid);
      return next === null ? null : { [path]: next };
    },
  });
}
