import type { Replacement } from "../edit/splice.js";
import { splice } from "../edit/splice.js";
import { contentEnd } from "../edit/confirm-gate.js";

/**
 * A unified diff (no context lines) of `replacements` applied to `text`, for a reply the author
 * of a fork PR can apply by hand or with `git apply --unidiff-zero`.
 */
export function formatDiff(path: string, text: string, replacements: readonly Replacement[]): string {
  const regions = mergeRegions(text, replacements);
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let delta = 0;
  for (const region of regions) {
    const before = text.slice(region.start, region.end);
    const after = splice(before, region.replacements.map((r) => ({ start: r.start - region.start, end: r.end - region.start, insert: r.insert })));
    const oldLines = before.split(/\r?\n/);
    const newLines = after.split(/\r?\n/);
    const oldStart = lineOf(text, region.start);
    out.push(`@@ -${oldStart},${oldLines.length} +${oldStart + delta},${newLines.length} @@`);
    out.push(...oldLines.map((l) => `-${l}`), ...newLines.map((l) => `+${l}`));
    delta += newLines.length - oldLines.length;
  }
  return out.join("\n");
}

/** A fenced block that the content's own backticks cannot close. */
export function fence(lang: string, content: string): string {
  const longest = Math.max(0, ...[...content.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(Math.max(3, longest + 1));
  return `${ticks}${lang}\n${content}\n${ticks}`;
}

interface Region {
  start: number;
  end: number;
  replacements: Replacement[];
}

/** Whole-line regions around the replacements, merged when they share or touch lines. */
function mergeRegions(text: string, replacements: readonly Replacement[]): Region[] {
  const regions: Region[] = [];
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    const start = text.lastIndexOf("\n", r.start - 1) + 1;
    const end = contentEnd(text, r.end);
    const last = regions.at(-1);
    if (last && (start <= last.end || start === text.indexOf("\n", last.end) + 1)) {
      last.end = Math.max(last.end, end);
      last.replacements.push(r);
    } else {
      regions.push({ start, end, replacements: [r] });
    }
  }
  return regions;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line += 1;
  return line;
}
