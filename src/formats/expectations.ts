import type { FormatExpectations } from "./types.js";

/** Formats whose boxes are tasks, not criteria (spec-kit, GSD, OpenSpec, superpowers, Kiro): no Status, gates or criteria asked. */
export function taskListFormat(sequentialPhases: boolean): FormatExpectations {
  return { status: false, gates: "none", criteria: "none", automated: "none", templateChangeLog: false, sections: [], questionsBeforeWork: false, sequentialPhases };
}

/**
 * Formats with gates and criteria of their own, held only to what most of their phases do
 * (HumanLayer, generic); Automated criteria are never asked (a testing phase with only manual
 * verification is normal there).
 */
export function ownConventionFormat(): FormatExpectations {
  return { status: false, gates: "consistent", criteria: "consistent", automated: "none", templateChangeLog: false, sections: [], questionsBeforeWork: false, sequentialPhases: true };
}
