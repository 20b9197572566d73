// Known section names. Matching is on normalizeHeading() output, so case, emoji, numbering,
// punctuation and a trailing "(…)" note do not matter. Config adds names via `sections.aliases`.
import type { SectionKind } from "./types.js";

export const SECTION_ALIASES: Readonly<Record<SectionKind, readonly string[]>> = {
  overview: ["Overview", "Summary", "Executive Summary", "TL;DR", "Introduction", "Purpose"],
  "current-state": ["Current State", "Current State Analysis", "Current Situation", "Existing State", "Background", "Context", "Problem", "Problem Statement"],
  "desired-end-state": ["Desired End State", "End State", "Desired State", "Target State", "Goals", "Goal", "Objectives"],
  "not-doing": ["What We're NOT Doing", "What We Are Not Doing", "Not Doing", "Out of Scope", "Non-Goals", "Non Goals", "Scope Exclusions", "Explicitly Out of Scope"],
  "implementation-approach": ["Implementation Approach", "Approach", "Technical Approach", "Strategy", "Implementation Strategy"],
  "implementation-phases": ["Implementation Phases", "Phases", "Phased Plan", "Phased Work", "Phase Breakdown", "Implementation Plan", "Implementation Steps", "Milestones", "Work Items", "Tasks"],
  "testing-strategy": ["Testing Strategy", "Testing", "Test Plan", "Testing Plan", "Tests"],
  rollout: ["Rollout", "Rollout & Deployment", "Rollout Plan", "Deployment", "Deployment Strategy", "Release Plan"],
  references: ["References", "Related", "Links", "Resources", "See Also"],
  "open-questions": ["Open Questions", "Unresolved Questions", "Questions", "Open Issues", "Outstanding Questions", "Unknowns", "Decisions on Open Questions"],
  "change-log": ["Change Log", "Changelog", "Revision History", "Document History", "Version History"],
  "key-discoveries": ["Key Discoveries", "Key Findings", "Findings", "Discoveries", "Research Findings"],
  "success-criteria": ["Success Criteria", "Acceptance Criteria", "Definition of Done", "Exit Criteria", "Overall Success Criteria"],
};
