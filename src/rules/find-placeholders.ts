import { maskNonProse } from "./prose-mask.js";

// Unfilled text from the plan template (/work/shared/plan-template.md, read when writing this):
// its prompts are bracketed phrases (`[Brief Description]`, `[Specific feature works as
// expected]`), one-word brackets (`[Name]`, `[describe]`, `[Answer]`, `[Rationale]`), the date
// `YYYY-MM-DD`, paths under `/path/to/` (always inside inline code there), ticket ids
// `TICKET-123`, and the Status line listing every option.

export type PlaceholderKind = "prompt" | "date" | "path" | "ticket" | "status-options";

export interface Placeholder {
  kind: PlaceholderKind;
  /** offsets into the original text */
  start: number;
  end: number;
  text: string;
}

/** One-word prompts of the template; other one-word brackets (`[WIP]`, `[P1]`) are left alone. */
const ONE_WORD_PROMPTS = new Set(["name", "describe", "description", "answer", "rationale", "date", "author", "todo", "tbd"]);

// Standalone only: `Daily/YYYY-MM-DD.md` describes a file-name pattern, not a missing date.
const DATE = /(?<![\w/.-])YYYY-MM-DD(?![\w/-]|\.\w)/g;
const TICKET = /\bTICKET-\d+\b/g;
const PATH = /(?<![\w.])\/path\/to\/[^\s`'")\]]*/g;
const PATH_CODE = /^\/path\/to\/[\w./-]*(?::\d+(?:-\d+)?)?$/;
const STATUS_OPTIONS = /\bDraft\s*\|\s*In Review\s*\|\s*Approved\s*\|\s*In Progress\s*\|\s*Completed\b/gi;
const BRACKET = /\[([^[\]\n]+)\]/g;
const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:[ \t]*\S/gm;

/** A format's own bracketed template tokens (spec-kit's `[FEATURE]`, `[###-feature-name]`). */
export type PromptToken = (content: string) => boolean;

export function findPlaceholders(text: string, formatToken?: PromptToken): Placeholder[] {
  const { masked, inlineCode, frontmatter } = maskNonProse(text);
  const found: Placeholder[] = [];
  const add = (kind: PlaceholderKind, start: number, end: number) =>
    found.push({ kind, start, end, text: text.slice(start, end) });

  for (const m of masked.matchAll(STATUS_OPTIONS)) add("status-options", m.index, m.index + m[0].length);
  for (const m of masked.matchAll(DATE)) add("date", m.index, m.index + m[0].length);
  for (const m of masked.matchAll(TICKET)) add("ticket", m.index, m.index + m[0].length);
  for (const m of masked.matchAll(PATH)) add("path", m.index, m.index + m[0].length);
  for (const code of inlineCode) {
    const content = text.slice(code.start, code.end).trim();
    if (PATH_CODE.test(content)) {
      const start = text.indexOf(content, code.start);
      add("path", start, start + content.length);
    }
  }
  const defined = new Set([...masked.matchAll(DEFINITION)].map((m) => labelKey(m[1])));
  for (const m of masked.matchAll(BRACKET)) {
    if (frontmatter && m.index < frontmatter.end) continue; // YAML flow lists: `tags: [plan, api]`
    if (isPromptBracket(masked, m.index, m[0].length, m[1], defined, formatToken)) add("prompt", m.index, m.index + m[0].length);
  }
  return dropNested(found);
}

function isPromptBracket(text: string, index: number, length: number, inner: string, defined: Set<string>, formatToken?: PromptToken): boolean {
  const before = text[index - 1];
  const after = text.slice(index + length, index + length + 1);
  if (before === "\\" || before === "!" || before === "]") return false; // escaped, image, `[text][label]`
  if (before === "=" || before === "\"" || before === "'") return false; // code-like: `query="[topic]"`
  if (insideDoubleQuotes(text, index, length)) return false; // a string literal: `query="research [topic]"`
  if (after === "(" || after === "[") return false; // inline link, full reference link
  if (after === ":" && isDefinition(text, index, length)) return false;
  const content = inner.trim();
  if (content === "" || /^[xX]$/.test(content)) return false; // task box
  if (/^[\^!]/.test(content)) return false; // footnote, GitHub alert `[!NOTE]`
  if (/^TICKET-/i.test(content)) return true;
  if (defined.has(labelKey(content))) return false; // shortcut reference link `[docs]`
  if (formatToken?.(content)) return true;
  if (!/\p{L}/u.test(content)) return false; // `[1]`, `[0..n]`, `[-]`
  if (isValueList(content)) return false; // an enum or array: `[queued, processing, completed, failed]`
  if (/\s/.test(content)) return /^[\p{L}\p{N}"']/u.test(content);
  return ONE_WORD_PROMPTS.has(content.toLowerCase());
}

/** Two or more single-token items separated by `,` or `|`: a list of values, not a prompt (prompts are phrases). */
function isValueList(content: string): boolean {
  const items = content.split(/\s*[,|]\s*/);
  return items.length >= 2 && items.every((item) => /^[^\s]+$/u.test(item));
}

/** An odd number of `"` before the bracket on its line and one after it: inside a quoted string. */
function insideDoubleQuotes(text: string, index: number, length: number): boolean {
  // Bounded scans, like isDefinition: hostile one-line input must stay linear.
  let quotes = 0;
  for (let i = index - 1; i >= 0 && index - i <= 200 && text[i] !== "\n"; i--) if (text[i] === '"') quotes++;
  if (quotes % 2 === 0) return false;
  for (let i = index + length; i < text.length && i - index <= 200 && text[i] !== "\n"; i++) if (text[i] === '"') return true;
  return false;
}

/** `[label]: destination` at the start of a line (after list/quote markers) is a link definition. */
function isDefinition(text: string, index: number, length: number): boolean {
  // Look back a few characters only: a definition starts the line, and long scans on hostile
  // one-line input would be quadratic.
  let lineStart = index;
  while (lineStart > 0 && index - lineStart < 12 && text[lineStart - 1] !== "\n") lineStart--;
  if (lineStart > 0 && text[lineStart - 1] !== "\n") return false;
  const prefix = text.slice(lineStart, index);
  if (!/^(?:\s*(?:[-*+>]|\d+[.)])?\s*)$/.test(prefix)) return false;
  const lineEnd = text.indexOf("\n", index);
  const rest = text.slice(index + length + 1, lineEnd < 0 ? undefined : lineEnd).trim();
  return /^<?[^\s[\]]+>?(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?$/.test(rest);
}

function labelKey(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, " ");
}

/** `[TICKET-123]` matches both the ticket and the bracket patterns: keep the outer one. */
function dropNested(found: Placeholder[]): Placeholder[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Placeholder[] = [];
  for (const p of found) {
    const last = kept[kept.length - 1];
    if (last && p.start < last.end) continue;
    kept.push(p);
  }
  return kept;
}
