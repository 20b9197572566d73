// Markdown text with everything that is not prose blanked out (same length, line endings kept),
// so rules can search it with regular expressions and use the match offsets as they are.
// Blanked: fenced code blocks, indented code blocks, HTML comments, inline code spans.

export interface ProseMask {
  /** the text with non-prose characters replaced by spaces */
  masked: string;
  /** inline code spans: offsets of their content (without the backticks) */
  inlineCode: { start: number; end: number }[];
  /** the YAML frontmatter block (`---` … `---`) at the top, fences included */
  frontmatter: { start: number; end: number } | null;
}

const cache = new Map<string, ProseMask>();

export function maskNonProse(text: string): ProseMask {
  const hit = cache.get(text);
  if (hit) return hit;
  const chars = text.split("");
  const inlineCode: { start: number; end: number }[] = [];
  const blank = (start: number, end: number) => {
    for (let i = start; i < end; i++) if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  };

  const lines = splitLines(text);
  let fence: { char: string; length: number; indent: number } | null = null;
  let previousBlank = true;
  let previousProseIndent = 0;
  let inIndentedCode = false;
  let previousWasListish = false;
  for (const { start, end } of lines) {
    const line = text.slice(start, end);
    const trimmed = line.trimStart();
    const indent = line.length - trimmed.length;
    if (fence) {
      blank(start, end);
      const close = new RegExp(`^${fence.char === "`" ? "`" : "~"}{${fence.length},}\\s*$`);
      // A closing fence may be indented at most 3 columns more than the opening one (CommonMark).
      if (close.test(trimmed) && indent <= fence.indent + 3) fence = null;
      continue;
    }
    const open = /^(`{3,}|~{3,})/.exec(trimmed);
    if (open && !(open[1][0] === "`" && trimmed.slice(open[1].length).includes("`"))) {
      fence = { char: open[1][0], length: open[1].length, indent };
      blank(start, end);
      inIndentedCode = false;
      continue;
    }
    const isBlank = trimmed.length === 0;
    // Indented code only starts after a blank line that follows top-level, non-list prose;
    // deeper indentation inside lists is list content, not code.
    if (!isBlank && indent >= 4 && (inIndentedCode || (previousBlank && previousProseIndent === 0 && !previousWasListish))) {
      blank(start, end);
      inIndentedCode = true;
      previousBlank = false;
      continue;
    }
    if (!isBlank) {
      inIndentedCode = false;
      previousProseIndent = indent;
      previousWasListish = indent > 0 || /^([-*+]|\d+[.)])\s/.test(trimmed);
    }
    previousBlank = isBlank;
  }

  // HTML comments and inline code, on what is left.
  let masked = chars.join("");
  const comment = /<!--[\s\S]*?(?:-->|$)/g;
  for (let m = comment.exec(masked); m; m = comment.exec(masked)) blank(m.index, m.index + m[0].length);
  masked = chars.join("");
  for (const code of inlineCodeSpans(masked)) {
    inlineCode.push({ start: code.start + code.ticks, end: code.end - code.ticks });
    blank(code.start, code.end);
  }
  const result = { masked: chars.join(""), inlineCode, frontmatter: findFrontmatterRange(text) };
  if (cache.size > 8) cache.clear();
  cache.set(text, result);
  return result;
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

function findFrontmatterRange(text: string): { start: number; end: number } | null {
  const m = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  return m ? { start: 0, end: m[0].length } : null;
}

export function splitLines(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "\n" || c === "\r") {
      lines.push({ start, end: i });
      if (c === "\r" && text[i + 1] === "\n") i++;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}
