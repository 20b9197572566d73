import type { Checkbox } from "../plan/types.js";
import type { Replacement } from "./splice.js";

/** Replacements that tick every unticked box: only the one character between the brackets changes. */
export function tickCriteria(text: string, boxes: readonly Checkbox[]): Replacement[] {
  return boxes
    .filter((box) => !box.checked && text[box.markOffset] === " ")
    .map((box) => ({ start: box.markOffset, end: box.markOffset + 1, insert: "x" }));
}
