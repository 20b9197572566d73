// Does a heading read `Phase <id>`? Only a heading that STARTS with the phase label counts;
// headings that merely mention a phase ("Success Criteria - Phase 2", "Integration with Phase
// 03", "Phase completion", "Phase 1-7 完了", "Phases 1-4") do not.
import type { Heading, Nodes } from "mdast";
import { plainText } from "./tree.js";

export interface PhaseHeadingMatch {
  id: string;
  title: string;
  removed: boolean;
  /** what the plan calls its phases when not "Phase" ("Task" in superpowers, "Group" in OpenSpec) */
  noun?: string;
}

// id: digits, dotted parts, one letter suffix, an optional "+": 0, 1A, 02b, 1.5, 3.10, 3+, 8A
const PHASE_LABEL =
  /^(?:phase|fase|etapa|étape|etappe|faza|этап|フェーズ|단계|阶段|階段)[ \t]*(\d+(?:\.\d+)*(?:[a-z](?![\p{L}\p{N}]))?\+?)(?=$|[^\p{L}\p{N}]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])/iu;
// a range right after the id: "Phase 1-7", "Phase 1–4", "Phase 1 to 3"
const RANGE_AFTER = /^[ \t]*(?:[-–—~～]|to\b)[ \t]*\d/iu;
const SEPARATOR = /^[ \t]*(?:[:：—–.→-]|->|=>)?[ \t]*/u;
const REMOVED_NOTE = /[([]\s*(?:removed|dropped|cancell?ed|obsolete|superseded)\s*[)\]]\s*$/iu;

export function matchPhaseHeading(heading: Heading): PhaseHeadingMatch | null {
  const text = plainText(heading);
  const lead = /^[^\p{L}\p{N}]*/u.exec(text)![0];
  const m = PHASE_LABEL.exec(text.slice(lead.length));
  if (!m) return null;
  const rest = text.slice(lead.length + m[0].length);
  if (RANGE_AFTER.test(rest)) return null;
  const title = rest.replace(SEPARATOR, "").trim();
  return { id: m[1], title, removed: isStruckLabel(heading) || REMOVED_NOTE.test(text) };
}

/** The phase label sits inside ~~strikethrough~~. */
function isStruckLabel(heading: Heading): boolean {
  const first = firstMeaningful(heading.children as Nodes[]);
  if (first === null) return false;
  if (first.type === "delete") return /^\W*(?:phase|阶段|階段)/iu.test(plainText(first));
  if (first.type === "strong" || first.type === "emphasis") return isStruckLabel({ ...heading, children: first.children } as Heading);
  return false;
}

function firstMeaningful(children: Nodes[]): Nodes | null {
  for (const c of children) {
    if (c.type === "text" && /^[^\p{L}\p{N}]*$/u.test(c.value)) continue;
    return c;
  }
  return null;
}
