// Byte-preserving edits: every change to a user's file is a list of replacements at offsets
// into the original text; nothing outside them is touched or re-serialised.

export interface Replacement {
  /** 0-based offset into the original text */
  start: number;
  /** exclusive; equal to start for a pure insertion */
  end: number;
  insert: string;
}

/** Applies non-overlapping replacements to `text`; throws on overlap or out-of-range offsets (a bug, not user input). */
export function splice(text: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let cursor = 0;
  for (const r of sorted) {
    if (r.start < cursor || r.end < r.start || r.end > text.length) {
      throw new RangeError(`overlapping or out-of-range replacement ${r.start}-${r.end} (cursor ${cursor}, length ${text.length})`);
    }
    out += text.slice(cursor, r.start) + r.insert;
    cursor = r.end;
  }
  return out + text.slice(cursor);
}
