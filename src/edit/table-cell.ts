// Makes arbitrary third-party text (PR titles, logins) safe as ONE GFM table cell: it can never
// split the cell, end the row, or open a code span that swallows the rest of the row.

export const DEFAULT_CELL_MAX_LENGTH = 200;

/** Escapes `text` for a GFM table cell and caps it at `maxLength` visible characters (code points, `…` included). */
export function escapeTableCell(text: string, maxLength = DEFAULT_CELL_MAX_LENGTH): string {
  const flat = text
    // line breaks (any convention, incl. U+2028/2029) and tabs become spaces: a row is one line
    .replace(/\r\n|[\r\n\u2028\u2029\t\v\f]/g, " ")
    // other control characters carry no meaning in a cell
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
  return escapePipes(neutraliseBackticks(cap(flat, maxLength)));
}

function cap(text: string, maxLength: number): string {
  const points = Array.from(text); // code points: never splits a surrogate pair
  if (points.length <= maxLength) return text;
  let cut = points.slice(0, Math.max(0, maxLength - 1)).join("");
  // a trailing backslash would escape the ellipsis' neighbour; drop it
  cut = cut.replace(/\\+$/, "").trimEnd();
  return `${cut}…`;
}

/**
 * Backtick runs pair up as in CommonMark (an opener closes with the next run of the same
 * length). Unpaired runs are escaped so they render literally instead of waiting for a closer.
 */
function neutraliseBackticks(text: string): string {
  const runs = [...text.matchAll(/(?<!\\)`+/g)].map((m) => ({ index: m.index, length: m[0].length, paired: false }));
  for (let i = 0; i < runs.length; i++) {
    if (runs[i].paired) continue;
    const closer = runs.findIndex((r, j) => j > i && !r.paired && r.length === runs[i].length);
    if (closer !== -1) {
      runs[i].paired = runs[closer].paired = true;
      // runs between an opener and its closer are code content, not openers
      for (let k = i + 1; k < closer; k++) runs[k].paired = true;
      i = closer;
    }
  }
  let out = "";
  let cursor = 0;
  for (const r of runs) {
    if (r.paired) continue;
    out += text.slice(cursor, r.index) + "\\`".repeat(r.length);
    cursor = r.index + r.length;
  }
  return out + text.slice(cursor);
}

/** `|` → `\|`; backslashes right before a pipe are doubled so they cannot un-escape it. */
function escapePipes(text: string): string {
  return text.replace(/(\\*)\|/g, (_m, backslashes: string) => `${backslashes.replace(/\\/g, "\\\\")}\\|`);
}
