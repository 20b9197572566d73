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
        if (lines[next] !== text) return null;
        next++;
      }
      if (op === " " || op === "-") before.push(text);
      else if (op !== "+") return null;
    }
    out.push(...before);
  }
  out.push(...lines.slice(next));
  return out.join("");
}

/** Lines with their `\n` (a last line without one keeps none); "" has no lines. */
function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}
