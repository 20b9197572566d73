/**
 * The text a file had before a change, from its text after it and the unified diff GitHub lists
 * for it (`patch` in `pulls.listFiles`: hunks only, no `---`/`+++` header). A pull request's
 * patch is relative to the merge base, so this is the file at the merge base without reading it.
 * null when the patch does not apply to `after` exactly (it is then not trusted at all).
 */
export function unapplyPatch(after: string, patch: string): string | null {
  const lines = splitLines(after);
  const out: string[] = [];
  let next = 0; // index into `lines` of the first line not yet copied
  const rows = patch.split("\n");
  if (rows.at(-1) === "") rows.pop();
  let i = 0;
  while (i < rows.length) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(rows[i] as string);
    if (!header) return null;
    const start = Number(header[1]);
    const count = header[2] === undefined ? 1 : Number(header[2]);
    // `+0,0`: the file is empty after; otherwise the hunk starts at line `start` (1-based)
    const from = count === 0 ? start : start - 1;
    if (from < next || from > lines.length) return null;
    out.push(...lines.slice(next, from));
    next = from;
    i++;
    const before: string[] = [];
    while (i < rows.length && !(rows[i] as string).startsWith("@@")) {
      // a blank context line may reach us with its leading space trimmed
      const row = rows[i] === "" ? " " : (rows[i] as string);
      const op = row[0];
      let text = row.slice(1);
      i++;
      // "\ No newline at end of file" belongs to the line just before it
      const noNewline = i < rows.length && (rows[i] as string).startsWith("\\");
      if (noNewline) i++;
      if (!noNewline) text += "\n";
      if (op === " " || op === "+") {
        const line = lines[next];
        if (line === undefined || bare(line) !== bare(text)) return null;
        // context keeps the file's own bytes (its CRs, its BOM); a removed line has only the patch's
        if (op === " ") before.push(line);
        next++;
      } else if (op === "-") before.push(text);
      else return null;
    }
    out.push(...before);
  }
  out.push(...lines.slice(next));
  return out.join("");
}

/**
 * A line as compared with the patch: without a BOM or a CR before its newline, which some diff
 * views drop. Only the base text's line endings can differ then, which its parse does not mind.
 */
function bare(line: string): string {
  return line.replace(/^\uFEFF/, "").replace(/\r(?=\n?$)/, "");
}

/** Lines with their `\n` (a last line without one keeps none); "" has no lines. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}
