/**
 * The `patch` GitHub lists for a changed text file: unified-diff hunks (3 lines of context, no
 * `---`/`+++` header), "\ No newline at end of file" after a last line without one. A plain
 * LCS line diff, fine for test-sized files; null (no patch, as GitHub does for huge diffs) when
 * the changed middle is too large for its table.
 */
export function unifiedDiff(before: string, after: string): string | null {
  const a = splitLines(before);
  const b = splitLines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x = a.slice(head, a.length - tail);
  const y = b.slice(head, b.length - tail);
  if (x.length * y.length > 4_000_000) return null;
  const lcs: Uint32Array[] = Array.from({ length: x.length + 1 }, () => new Uint32Array(y.length + 1));
  for (let i = x.length - 1; i >= 0; i--) for (let j = y.length - 1; j >= 0; j--) lcs[i]![j] = x[i] === y[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const ops: { op: " " | "-" | "+"; line: string }[] = a.slice(0, head).map((line) => ({ op: " ", line }));
  let i = 0;
  let j = 0;
  while (i < x.length || j < y.length) {
    if (i < x.length && j < y.length && x[i] === y[j]) {
      ops.push({ op: " ", line: x[i]! });
      i++;
      j++;
    } else if (j < y.length && (i === x.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) ops.push({ op: "+", line: y[j++]! });
    else ops.push({ op: "-", line: x[i++]! });
  }
  ops.push(...a.slice(a.length - tail).map((line) => ({ op: " " as const, line })));

  const context = 3;
  const hunks: [number, number][] = [];
  ops.forEach((o, k) => {
    if (o.op === " ") return;
    const last = hunks.at(-1);
    if (last && k - last[1] <= 2 * context) last[1] = k;
    else hunks.push([k, k]);
  });
  const out: string[] = [];
  for (const [first, lastChange] of hunks) {
    const from = Math.max(0, first - context);
    const slice = ops.slice(from, Math.min(ops.length, lastChange + context + 1));
    const oldCount = slice.filter((o) => o.op !== "+").length;
    const newCount = slice.filter((o) => o.op !== "-").length;
    const oldBefore = ops.slice(0, from).filter((o) => o.op !== "+").length;
    const newBefore = ops.slice(0, from).filter((o) => o.op !== "-").length;
    // a side with no lines is numbered by the line before the hunk (`-0,0` for an added file)
    out.push(`@@ -${oldCount === 0 ? oldBefore : oldBefore + 1},${oldCount} +${newCount === 0 ? newBefore : newBefore + 1},${newCount} @@`);
    for (const o of slice) {
      out.push(`${o.op}${o.line.replace(/\n$/, "")}`);
      if (!o.line.endsWith("\n")) out.push("\\ No newline at end of file");
    }
  }
  return out.join("\n");
}

function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === "" ? [] : lines;
}
