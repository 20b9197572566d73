// A status written into a phase heading: `## Phase 2: API ✅`, `### Phase 3 — COMPLETE`,
// `## Phase 1: Setup (DONE)`, `## Phase 4 - IN PROGRESS 🔄`. Words count only when they are
// clearly a marker (upper case, or in brackets / after a dash at the end), so a title such as
// "Complete the onboarding flow" is not read as done.
import type { PhaseMark } from "./types.js";

const DONE_EMOJI = /[✅✔☑]/u;
const PROGRESS_EMOJI = /[🔄🚧]/u;
// upper case markers at the end of the heading, after a separator, bracket or emoji: `— COMPLETE`, `[DONE]`, `✅ COMPLETE`
// ("⚠️ MUST COMPLETE BEFORE 3.3" is an instruction, not a status)
const DONE_WORD = /(?:^|[\s(\[—–:|-])(?:DONE|COMPLETE|COMPLETED|FINISHED|IMPLEMENTED|SHIPPED)[\s)\].!]*$/u;
const PROGRESS_WORD = /(?:^|[\s(\[—–:|-])(?:IN[ _-]PROGRESS|WIP|ONGOING)[\s)\].!]*$/u;
const TAIL_DONE = /(?:[(\[]\s*|[—–-]\s+)(?:done|complete|completed|finished|implemented|shipped)\s*[)\]]?\s*$/iu;
const TAIL_PROGRESS = /(?:[(\[]\s*|[—–-]\s+)(?:in[ _-]progress|wip|ongoing|started)\s*[)\]]?\s*$/iu;

export function phaseMarkOf(heading: string): PhaseMark | null {
  const title = heading.replace(/[\s\p{Extended_Pictographic}\uFE0F]+$/u, "") || heading;
  if (PROGRESS_EMOJI.test(heading) || PROGRESS_WORD.test(title) || TAIL_PROGRESS.test(title)) return "in-progress";
  if (DONE_EMOJI.test(heading) || DONE_WORD.test(title) || TAIL_DONE.test(title)) return "done";
  return null;
}
