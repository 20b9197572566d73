// Markdown text with everything that is not prose blanked out (same length, line endings kept),
// so rules can search it with regular expressions and use the match offsets as they are.
// Blanked: fenced code blocks, indented code blocks, HTML comments, inline code spans.

export interface ProseMask {
  /** the text with non-prose characters replaced by spaces */
  masked: string;
  /** inline code spans: offsets of their content (without the backticks) */
  inlineCode: Range[];
  /** the YAML frontmatter block (`---` … `---`) at the top, fences included */
  frontmatter: Range | null;
}

interface Range {
  start: number;
  end: number;
}

let last: { text: string; mask: ProseMask } | null = null;

export function maskNonProse(text: string): ProseMask {
  if (last?.text === text) return last.mask;
  const blocks = codeBlocks(text);
  let masked = blank(text, blocks);
  masked = blank(masked, htmlComments(masked));
  const spans = inlineCodeSpans(masked);
  masked = blank(masked, spans);
  const mask = {
    masked,
    inlineCode: spans.map((s) => ({ start: s.start + s.ticks, end: s.end - s.ticks })),
    frontmatter: findFrontmatterRange(text),
  };
  last = { text, mask };
  return mask;
}

/** Replace every character in the (sorted, disjoint) ranges by a space, keeping line breaks. */
function blank(text: string, ranges: readonly Range[]): string {
  if (ranges.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of ranges) {
    parts.push(text.slice(at, start), text.slice(start, end).replace(/[^\r\n]+/g, (run) => " ".repeat(run.length)));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join("");
}

/** Fenced code (``` / ~~~, closed by a fence at most 3 columns deeper) and indented code blocks. */
function codeBlocks(text: string): Range[] {
  const ranges: Range[] = [];
  let fence: { char: string; length: number; indent: number; start: number } | null = null;
  let previousBlank = true;
  let previousTopLevelProse = true;
  let indented: Range | null = null;
  for (const { start, end } of splitLines(text)) {
    const line = text.slice(start, end);
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (fence) {
      const run = /^(`+|~+)\s*$/.exec(trimmed);
      if (run && run[1][0] === fence.char && run[1].length >= fence.length && indent <= fence.indent + 3) {
        ranges.push({ start: fence.start, end });
        fence = null;
      }
      continue;
    }
    const open = /^(`{3,}|~{3,})/.exec(trimmed);
    if (open && !(open[1][0] === "`" && trimmed.slice(open[1].length).includes("`"))) {
      if (indented) ranges.push(indented);
      indented = null;
      fence = { char: open[1][0], length: open[1].length, indent, start };
      continue;
    }
    const isBlank = trimmed.length === 0;
    // Indented code only starts after a blank line that follows top-level, non-list prose;
    // deeper indentation inside lists is list content, not code.
    if (!isBlank && indent >= 4 && (indented || (previousBlank && previousTopLevelProse))) {
      indented = indented ? { start: indented.start, end } : { start, end };
      previousBlank = false;
      continue;
    }
    if (!isBlank) {
      if (indented) ranges.push(indented);
      indented = null;
      previousTopLevelProse = indent === 0 && !/^([-*+]|\d+[.)])\s/.test(trimmed);
    }
    previousBlank = isBlank;
  }
  if (indented) ranges.push(indented);
  if (fence) ranges.push({ start: fence.start, end: text.length }); // an unclosed fence runs to the end
  return ranges.sort((a, b) => a.start - b.start);
}

function htmlComments(text: string): Range[] {
  const ranges: Range[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf("<!--", from);
    if (start < 0) return ranges;
    const close = text.indexOf("-->", start + 4);
    const end = close < 0 ? text.length : close + 3;
    ranges.push({ start, end });
    from = end;
  }
}

/**
 * Backtick code spans: a run of N backticks up to the next run of exactly N in the same
 * paragraph (code spans wrap lines but never cross a blank line). Linear in the text length.
 */
function inlineCodeSpans(text: string): { start: number; end: number; ticks: number }[] {
  const runs: { index: number; length: number; paragraph: number }[] = [];
  let paragraph = 0;
  const token = /`+|\r?\n[ \t]*(?=\r?\n)/g;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (m[0][0] === "`") {
      if (text[m.index - 1] !== "\\") runs.push({ index: m.index, length: m[0].length, paragraph });
    } else paragraph++;
  }
  // next[i] = the next run after i with the same length in the same paragraph
  const next = new Array<number>(runs.length).fill(-1);
  const seen = new Map<string, number>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const key = `${runs[i].paragraph}:${runs[i].length}`;
    next[i] = seen.get(key) ?? -1;
    seen.set(key, i);
  }
  const spans: { start: number; end: number; ticks: number }[] = [];
  for (let i = 0; i < runs.length; i++) {
    const j = next[i];
    if (j < 0) continue;
    spans.push({ start: runs[i].index, end: runs[j].index + runs[j].length, ticks: runs[i].length });
    i = j;
  }
  return spans;
}

function findFrontmatterRange(text: string): Range | null {
  const m = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? { start: 0, end: m[0].length } : null;
}

export function splitLines(text: string): Range[] {
  const lines: Range[] = [];
  const lineBreak = /\r\n|\n|\r/g;
  let start = 0;
  for (let m = lineBreak.exec(text); m; m = lineBreak.exec(text)) {
    lines.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}
