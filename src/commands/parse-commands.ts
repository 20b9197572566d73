import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import type { Paragraph, PhrasingContent, Root } from "mdast";
import type { CommandKind, CommandWord, ParsedComment, PlanCommand } from "./types.js";

/** GitHub caps comment bodies at 65536 characters; anything longer is not a real comment. */
export const MAX_COMMENT_LENGTH = 65_536;
/** Commands handled per comment; later ones are reported as ignored. */
export const MAX_COMMANDS = 5;

const KINDS: readonly CommandKind[] = ["phase-done", "phase-reopen", "status", "help"];
const COMMAND_LINE = /^ {0,3}\/plan(?=[ \t]|$)(.*)$/i;

/**
 * Reads the `/plan …` commands of a comment: lines that start with `/plan` in top-level paragraphs,
 * so commands inside fenced or indented code, inline code, block quotes, lists, tables or HTML are
 * ignored. Never throws.
 */
export function parseCommands(body: string): ParsedComment {
  const truncated = body.length > MAX_COMMENT_LENGTH;
  const text = (truncated ? body.slice(0, MAX_COMMENT_LENGTH) : body).replace(/^\uFEFF/, "");
  if (!/\/plan/i.test(text)) return { commands: [], dropped: 0, truncated };
  let tree: Root;
  try {
    tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  } catch {
    return { commands: [], dropped: 0, truncated };
  }
  const found: PlanCommand[] = [];
  for (const node of tree.children) {
    if (node.type === "paragraph") found.push(...commandsInParagraph(text, node));
  }
  return { commands: found.slice(0, MAX_COMMANDS), dropped: Math.max(0, found.length - MAX_COMMANDS), truncated };
}

function commandsInParagraph(text: string, paragraph: Paragraph): PlanCommand[] {
  const start = paragraph.position?.start.offset;
  const end = paragraph.position?.end.offset;
  const firstLine = paragraph.position?.start.line;
  if (start === undefined || end === undefined || firstLine === undefined) return [];
  const plainRanges = textRanges(paragraph.children);
  const out: PlanCommand[] = [];
  let lineStart = text.lastIndexOf("\n", start - 1) + 1;
  let line = firstLine;
  while (lineStart < end) {
    const nl = text.indexOf("\n", lineStart);
    const lineEnd = nl === -1 || nl > end ? end : nl;
    const raw = text.slice(lineStart, lineEnd).replace(/\r$/, "");
    const match = COMMAND_LINE.exec(raw);
    if (match) {
      const slash = lineStart + raw.indexOf("/");
      // `/plan` must be plain text of the paragraph, not the inside of a multi-line code span
      if (plainRanges.some(([s, e]) => slash >= s && slash < e)) out.push(toCommand(raw.trim(), match[1], line));
    }
    if (nl === -1) break;
    lineStart = nl + 1;
    line += 1;
  }
  return out;
}

function textRanges(children: PhrasingContent[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const child of children) {
    const s = child.position?.start.offset;
    const e = child.position?.end.offset;
    if (child.type === "text" && s !== undefined && e !== undefined) ranges.push([s, e]);
  }
  return ranges;
}

function toCommand(source: string, rest: string, line: number): PlanCommand {
  const afterPlan = rest.trim();
  const sub = /^\S+/.exec(afterPlan)?.[0] ?? "";
  const kind = KINDS.find((k) => k === sub.toLowerCase());
  const args = kind ? afterPlan.slice(sub.length).trim() : "";
  const { words, force } = splitWords(args);
  return {
    kind: kind ?? "help",
    source,
    line,
    args,
    words,
    force,
    unknown: kind || sub === "" ? null : sub,
  };
}

/** Splits arguments into words; `--force` is a flag when it is one of the first three words. */
function splitWords(args: string): { words: CommandWord[]; force: boolean } {
  const words: CommandWord[] = [];
  let force = false;
  let seen = 0;
  for (const m of args.matchAll(/\S+/g)) {
    const word = m[0];
    const end = (m.index ?? 0) + word.length;
    if (seen < 3 && word.toLowerCase() === "--force") force = true;
    else words.push({ text: word, end });
    seen += 1;
  }
  return { words, force };
}
