// Sections by heading, and the case/emoji/numbering/punctuation-insensitive name matching.
import { SECTION_ALIASES } from "./section-aliases.js";
import type { Section, SectionKind } from "./types.js";

/**
 * Lower case, NFKC, apostrophes dropped, emoji/punctuation → space, leading numbering ("3.",
 * "2.1", "A)", "IV.") and trailing "(…)" notes removed, whitespace collapsed.
 * "## 3. Phased Plan 🚀" → "phased plan"; "Open Questions (should be empty …)" → "open questions".
 */
export function normalizeHeading(heading: string): string {
  let s = heading.normalize("NFKC").toLowerCase();
  s = s.replace(/[’'`‘]/g, "");
  for (let prev = ""; prev !== s; ) {
    prev = s;
    s = s.replace(/\s*[(（][^()（）]*[)）]\s*[^\p{L}\p{N}]*$/u, "");
  }
  s = s.replace(/[^\p{L}\p{N}.]+/gu, " ").trim();
  s = s.replace(/^(?:(?:\d+(?:\.\d+)*\.?|[a-z]\.|[ivx]+\.)\s+)+(?=\p{L})/u, "");
  s = s.replace(/\./g, " ");
  return s.replace(/\s+/g, " ").trim();
}

const builtIn = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(SECTION_ALIASES) as [SectionKind, readonly string[]][]) {
  for (const name of names) builtIn.set(normalizeHeading(name), kind);
}

/**
 * The SectionKind a heading names, or null. `extraAliases` is the config's
 * `sections.aliases` (`{ "Open Questions": ["Unknowns"] }`): each key is resolved to a kind
 * through the built-in table, and its aliases then map to that kind too.
 */
export function sectionKindOf(heading: string, extraAliases?: Readonly<Record<string, readonly string[]>>): SectionKind | null {
  const n = normalizeHeading(heading);
  const known = builtIn.get(n);
  if (known) return known;
  // "Open Questions / Follow-ups", "Unresolved questions for review", "Unknowns and risks"
  if (/^(open questions|open question|questions|unknowns|unresolved)\b/.test(n)) return "open-questions";
  if (extraAliases) {
    for (const [canonical, aliases] of Object.entries(extraAliases)) {
      const kind = builtIn.get(normalizeHeading(canonical)) ?? (isKind(canonical) ? canonical : null);
      if (kind === null) continue;
      if (normalizeHeading(canonical) === n || aliases.some((a) => normalizeHeading(a) === n)) return kind;
    }
  }
  return null;
}

/** true when `normalizedHeading` names `name` or any of `aliases` (used for required-sections that are not a built-in kind). */
export function headingMatches(heading: string, name: string, aliases: readonly string[] = []): boolean {
  const n = normalizeHeading(heading);
  return normalizeHeading(name) === n || aliases.some((a) => normalizeHeading(a) === n);
}

function isKind(s: string): s is SectionKind {
  return Object.prototype.hasOwnProperty.call(SECTION_ALIASES, s);
}

/** The first section of `kind` (or null). */
export function findSection(sections: readonly Section[], kind: SectionKind): Section | null {
  return sections.find((s) => s.kind === kind) ?? null;
}
