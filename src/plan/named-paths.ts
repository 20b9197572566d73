// The repository paths a phase or a task line names, with what the plan says happens to them.
// Built on `Phase.files` (which each plan format fills the way it writes file entries) and on
// task-list lines, so it reads every format alike.
import { toRepoPath, type RepoPathKind } from "./repo-path.js";
import type { Checkbox, Phase, PlanDocument, Span } from "./types.js";

export type PathIntent = "create" | "modify" | "delete" | "rename-away" | "unknown";

export interface NamedPath {
  /** normalised: repository-relative, no `./`, no line suffix; directories end in `/` */
  path: string;
  kind: RepoPathKind;
  intent: PathIntent;
  /** the line that names it */
  span: Span;
}

const DELETE = /\b(?:delete[sd]?|deleting|remove[sd]?|removing|drop(?:s|ped)?|rm|retire[sd]?|obsolete)\b/i;
const RENAME = /\b(?:rename[sd]?|renaming|move[sd]?|moving|mv)\b/i;
const CREATE = /\b(?:create[sd]?|creating|new|write|scaffold(?:ed)?|introduce[sd]?|generate[sd]?)\b/i;
const ADD = /\b(?:add(?:s|ed)?|adding|test)\b/i;
const MODIFY = /\b(?:modify|modifie[sd]|update[sd]?|updating|edit(?:s|ed)?|change[sd]?|extend(?:s|ed)?|refactor(?:s|ed)?|fix(?:es|ed)?|replace[sd]?|wire[sd]?|register)\b/i;
/** A preposition right before the path: the file is where the change goes, so it stays. */
const INTO = /\b(?:from|in|into|inside|within|to|of|at|under)(?:\s+the)?(?:\s+(?:file|module))?\s*$/i;
/** Context lines (a heading, a `**Changes**:` line) say the phase's file itself goes away. */
const FILE_GOES = /\b(?:(?:delete|remove|drop)\s+(?:this|the|that)\s+(?:whole\s+|entire\s+)?file|file\s+(?:is\s+|was\s+|will\s+be\s+|gets\s+)?(?:deleted|removed)|(?:deleted|removed)\s+file)\b/i;

/** Paths a phase's file entries name (`Phase.files`), with the intent their line says. */
export function phaseNamedPaths(plan: PlanDocument, phase: Phase): NamedPath[] {
  const out: NamedPath[] = [];
  for (const ref of phase.files) {
    const target = toRepoPath(ref.path);
    if (!target) continue;
    const line = lineText(plan, ref.span);
    let intent = intentAt(line, findPath(line, ref.path));
    if (intent !== "delete" && intent !== "rename-away" && contextSaysDeleted(plan, phase, ref.span)) intent = "delete";
    out.push({ ...target, intent, span: ref.span });
  }
  return out;
}

/** Paths a task line names (`- [x] T012 Create src/models/user.py`, `- [x] Add X to \`path\``). */
export function taskNamedPaths(plan: PlanDocument, box: Checkbox): NamedPath[] {
  const line = lineText(plan, box.span).replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]\s*/, "");
  const out: NamedPath[] = [];
  const seen = new Set<string>();
  for (const { raw, index, code } of candidates(line)) {
    const target = toRepoPath(raw);
    if (!target || seen.has(target.path)) continue;
    // `GET /.well-known/did.json`: an HTTP route, not a file
    if (/\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+[`*]*$/.test(line.slice(0, index))) continue;
    // Outside code, a path must contain a slash or be a plain file name; a bare word is prose.
    if (!code && target.kind !== "file" && !target.path.includes("/")) continue;
    seen.add(target.path);
    out.push({ ...target, intent: intentAt(line, index), span: box.span });
  }
  return out;
}

/** The intent the words around one path give it. */
export function intentAt(line: string, index: number): PathIntent {
  const before = index >= 0 ? line.slice(0, index) : line;
  const clause = (before.split(/[.;](?:\s|$)|\s[—–]\s/).pop() ?? before).replace(/[`*_\s]+$/, "");
  const after = index >= 0 ? line.slice(index).replace(/^\S+/, "").trim() : "";
  if (RENAME.test(clause)) return /\b(?:to|as|into)\s*$|(?:→|->|=>)\s*$/i.test(clause) ? "create" : "rename-away";
  // `old.ts → new.ts`, `Rename \`a\` to \`b\``: the first one goes away
  if (/^[`*]*\s*(?:→|->|=>)/.test(after) || (RENAME.test(line) && /^[`*]*\s*(?:to|as)\b/i.test(after))) return "rename-away";
  if (DELETE.test(clause) && !INTO.test(clause)) return "delete";
  if (/^[`*]*\W*\(?\s*(?:deleted|removed|delete|remove)\b/i.test(after)) return "delete";
  if (CREATE.test(clause) || /^[`*]*\W*\(?\s*new\b/i.test(after)) return "create";
  if (INTO.test(clause) || MODIFY.test(clause)) return "modify";
  if (ADD.test(clause)) return "create";
  return "unknown";
}

function contextSaysDeleted(plan: PlanDocument, phase: Phase, span: Span): boolean {
  // the nearest heading above the entry (inside the phase) and the lines just after it
  const text = plan.text;
  const from = phase.headingSpan.start.offset;
  let headingStart = -1;
  for (let i = span.start.offset - 1; i > from; i--) {
    if ((text[i - 1] === "\n" || i - 1 < 0) && text[i] === "#") {
      headingStart = i;
      break;
    }
  }
  const headingEnd = headingStart >= 0 ? text.indexOf("\n", headingStart) : -1;
  const heading = headingStart < 0 ? "" : text.slice(headingStart, headingEnd < 0 ? text.length : headingEnd);
  const after = text.slice(span.end.offset, Math.min(text.length, span.end.offset + 400)).split(/\r?\n\s*\r?\n/)[0] ?? "";
  return FILE_GOES.test(heading) || FILE_GOES.test(after.split(/\r?\n/).slice(0, 3).join(" "));
}

function lineText(plan: PlanDocument, span: Span): string {
  return plan.text.slice(span.start.offset, span.end.offset);
}

function findPath(line: string, path: string): number {
  const i = line.indexOf(path);
  return i >= 0 ? i : -1;
}

/** Code spans and, outside them, whitespace-separated words (link targets dropped: they are relative to the plan). */
function candidates(line: string): { raw: string; index: number; code: boolean }[] {
  const out: { raw: string; index: number; code: boolean }[] = [];
  const code = /`([^`\r\n]+)`/g;
  let last = 0;
  const prose: { text: string; at: number }[] = [];
  for (const m of line.matchAll(code)) {
    prose.push({ text: line.slice(last, m.index), at: last });
    out.push({ raw: m[1], index: m.index, code: true });
    last = m.index + m[0].length;
  }
  prose.push({ text: line.slice(last), at: last });
  for (const part of prose) {
    const cleaned = part.text.replace(/\]\([^)]*\)/g, (s) => " ".repeat(s.length)).replace(/\*+|\[|\]/g, (s) => " ".repeat(s.length));
    for (const w of cleaned.matchAll(/\S+/g)) out.push({ raw: w[0], index: part.at + w.index, code: false });
  }
  return out.sort((a, b) => a.index - b.index);
}
