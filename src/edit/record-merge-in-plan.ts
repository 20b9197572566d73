import { parsePlan } from "../plan/parse.js";
import type { PlanDocument } from "../plan/types.js";
import { appendChangelogRow, type ChangelogRowInput } from "./append-changelog-row.js";
import { findChangelogRow } from "./find-changelog-row.js";
import { loneCarriageReturnProblem } from "./lone-carriage-return.js";
import { setStatus } from "./set-status.js";

export type RecordMergeResult =
  | { text: string; statusCompleted: boolean }
  | { text: null; kind: "already-recorded" | "not-a-plan" | "cannot-record"; reason: string };

/**
 * The plan text after recording merged PR `pr`: its Change Log row appended and, with
 * `completeStatus`, Status set to Completed when every phase is confirmed. Idempotent: when the
 * row for `pr` is already there, returns `already-recorded` (so re-deliveries and re-runs, and the
 * re-read after a lost write response, add nothing).
 */
export function recordMergeInPlan(
  text: string,
  path: string,
  input: { pr: number; row: ChangelogRowInput; completeStatus: boolean; maxFileSize?: number; template?: string },
): RecordMergeResult {
  const plan = parsePlan(text, path, { maxFileSize: input.maxFileSize });
  if (plan.unparseable) return { text: null, kind: "cannot-record", reason: `${path} could not be parsed: ${plan.unparseable.reason}` };
  if (!plan.isPlan) return { text: null, kind: "not-a-plan", reason: `${path} does not look like a plan.` };
  if (findChangelogRow(plan, input.pr, input.template)) return { text: null, kind: "already-recorded", reason: `${path} already has a Change Log row for #${input.pr}.` };
  const lineBreaks = loneCarriageReturnProblem(text, path);
  if (lineBreaks !== null) return { text: null, kind: "cannot-record", reason: lineBreaks };
  const appended = appendChangelogRow(plan, input.row);
  if (appended.text === null) return { text: null, kind: "cannot-record", reason: `${path}: ${appended.reason}` };
  if (!input.completeStatus || !allPhasesConfirmed(plan)) return { text: appended.text, statusCompleted: false };
  const completed = setStatus(parsePlan(appended.text, path, { maxFileSize: Number.MAX_SAFE_INTEGER }), "Completed");
  return completed.text === null ? { text: appended.text, statusCompleted: false } : { text: completed.text, statusCompleted: true };
}

/** Every phase that is not removed has a confirmed gate (and there is at least one phase). */
export function allPhasesConfirmed(plan: PlanDocument): boolean {
  const phases = plan.phases.filter((p) => !p.removed);
  return phases.length > 0 && phases.every((p) => p.gate?.confirmation != null);
}
