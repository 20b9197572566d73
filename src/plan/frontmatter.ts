// YAML frontmatter: `---` on the first line (after an optional BOM) up to a `---` or `...` line.
// It is parsed with `yaml` (any error → data null) and never handed to the markdown parser.
import { parse as parseYaml } from "yaml";

export interface FrontmatterBlock {
  /** offset of the opening `---` */
  start: number;
  /** offset just after the closing line (and its line ending) */
  end: number;
  /** offset of the first content line and of the closing fence line */
  contentStart: number;
  contentEnd: number;
  data: Record<string, unknown> | null;
}

const OPEN = /^---[ \t]*(\r\n|\n|\r)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r\n|\n|\r|$)/;

export function findFrontmatter(text: string, from: number): FrontmatterBlock | null {
  const open = OPEN.exec(text.slice(from, from + 8));
  if (!open) return null;
  const contentStart = from + open[0].length;
  let lineStart = contentStart;
  while (lineStart <= text.length) {
    const rest = text.slice(lineStart, lineStart + 8);
    const close = CLOSE.exec(rest);
    if (close) {
      const contentEnd = lineStart;
      const end = lineStart + close[0].length;
      return { start: from, end, contentStart, contentEnd, data: parseData(text.slice(contentStart, contentEnd)) };
    }
    const nl = text.slice(lineStart).search(/\r\n|\n|\r/);
    if (nl < 0) return null;
    lineStart += nl + (text.startsWith("\r\n", lineStart + nl) ? 2 : 1);
  }
  return null;
}

function parseData(yamlText: string): Record<string, unknown> | null {
  try {
    const value: unknown = parseYaml(yamlText, { maxAliasCount: 100, prettyErrors: false });
    if (value === null || value === undefined) return {};
    if (typeof value !== "object" || Array.isArray(value)) return null;
    return value as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** `text` with [start, end) replaced by spaces, line endings kept, so every offset is unchanged. */
export function blankRange(text: string, start: number, end: number): string {
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, " ") + text.slice(end);
}
