import type { Config } from "../config/schema.js";

export interface CommentSituation {
  config: Config;
  draft: boolean;
  plans: number;
  /** findings of any severity, or configuration errors */
  problems: number;
  hasExisting: boolean;
}

/**
 * Whether to write the sticky comment. An existing comment is kept current (so it never shows
 * stale findings), except when comments are off or the PR is a draft that should not get one.
 */
export function shouldComment(s: CommentSituation): boolean {
  if (s.config.comment.mode === "never") return false;
  if (s.draft && !s.config.comment.onDrafts) return false;
  if (s.plans === 0) return s.hasExisting;
  if (s.config.comment.mode === "on-findings") return s.problems > 0 || s.hasExisting;
  return true;
}
