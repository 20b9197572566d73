// Public surface of the plan model.
export { parsePlan, DEFAULT_MAX_FILE_SIZE, type ParseOptions } from "./parse.js";
export { normalizeHeading, sectionKindOf, headingMatches, findSection } from "./sections.js";
export { SECTION_ALIASES } from "./section-aliases.js";
export { createLineIndex, positionAt, offsetAt, lineEndAt, nextLineStart, type LineIndex } from "./positions.js";
export { findPhase } from "./find-phase.js";
export { phaseIdKey } from "./phases.js";
export { CONFIRMATION_MARKER, isGateName } from "./gate.js";
export { criteriaKindOf, type CriteriaKind } from "./criteria.js";
export { PLAN_SIGNATURE_SECTIONS, STRONG_PLAN_SECTIONS, WEAK_PLAN_SECTIONS, decideIsPlan, type PlanEvidence } from "./is-plan.js";
export { checkHostile, GUARD_LIMITS, utf8Length } from "./guard.js";
export type * from "./types.js";
export { parsePlanAsync, configureParseWorkers, closeParseWorkers, defaultParseTimeoutMs, INLINE_PARSE_LIMIT, parseWorkersAlive, type AsyncParseOptions } from "./parse-async.js";
