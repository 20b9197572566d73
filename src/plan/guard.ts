// Rejects input that would make micromark stall or overflow its stack, BEFORE parsing it.
// Thresholds were measured on micromark 4 + GFM (see the report in src/plan/README.md):
// `'a**b'.repeat(4000)` ≈ 0.2 s, `'[a]('.repeat(5000)` ≈ 0.45 s, a 4000-line paragraph ≈ 0.5 s,
// 400 indented list levels ≈ 2.5 s, `'- '.repeat(4000)` ≈ 4 s then RangeError. Real plans stay far below.
import { scanBlocks } from "./guard-scan.js";

export const GUARD_LIMITS = {
  /** `>` and list markers opening containers on one line */
  containerDepth: 64,
  /** leading indentation (columns) of a list item line */
  listIndent: 128,
  /** `*`, `_` and `~` characters in one paragraph-like run of lines */
  emphasisDelimiters: 2000,
  /** `[` characters in one paragraph-like run */
  brackets: 1000,
  /** backticks in one paragraph-like run */
  backticks: 2000,
  /** lines in one paragraph-like run */
  paragraphLines: 1000,
  /** consecutive table rows */
  tableRows: 1000,
  /** `|` cell separators in one table row (a 10,000-column table takes over 1 s) */
  tableCells: 200,
  /** heading lines in the whole document (the largest real plans have under 200) */
  headings: 2000,
  /** list item and quote lines in the whole document: micromark reads lists at ~0.1 MB/s,
   * so 5000 items cost about half a second; the largest real plans have a few hundred */
  listLines: 5000,
} as const;

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** A human reason when `text` must not be parsed, else null. */
export function checkHostile(text: string, maxFileSize: number): string | null {
  const bytes = utf8Length(text);
  if (bytes > maxFileSize) {
    return `the file is ${bytes} bytes; plan-hygiene parses at most ${maxFileSize} bytes (raise \`maxFileSize\` in .github/plan-hygiene.yml or split the plan)`;
  }
  return scanBlocks(text, GUARD_LIMITS);
}
