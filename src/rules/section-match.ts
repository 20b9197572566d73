import type { Section } from "../plan/types.js";
// TEMPORARY local matching until the parser's section matching is importable.

export function normalizeName(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/^[\s\d.)]+/, "")
    .replace(/[^\p{L}\p{N} ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Whether a section satisfies a required name: same normalised heading, or the same known kind. */
export function matchesSection(section: Pick<Section, "kind" | "normalized">, name: string): boolean {
  const n = normalizeName(name);
  return section.normalized === n;
}
