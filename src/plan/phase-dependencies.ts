// The phases (or tasks) a part of the plan says it depends on, read where the plan writes it:
// "Depends on Phase 2", "**Dependencies**: Phase 1, Phase 3", "Prerequisites: Phases 1 and 2",
// "**Dependencies:** Task 2.2", "Requires Phase 02b". Only the part's own text is read.

export interface DeclaredDependency {
  noun: "phase" | "task" | "step";
  id: string;
}

const LEAD =
  /\b(?:depends?\s+on|dependenc(?:y|ies)|prerequisites?|requires|blocked\s+by)\b[*_\s]*[:：]?[*_\s]*((?:phases?|tasks?|steps?)\s+[0-9][0-9A-Za-z.+]*(?:\s*(?:,|&|and|or|\+)\s*(?:(?:phases?|tasks?|steps?)\s+)?[0-9][0-9A-Za-z.+]*)*)/giu;
const PART = /(phases?|tasks?|steps?)?\s*([0-9][0-9A-Za-z.+]*)/giu;

export function declaredDependencies(ownText: string): DeclaredDependency[] {
  const out: DeclaredDependency[] = [];
  for (const m of ownText.matchAll(LEAD)) {
    let noun: DeclaredDependency["noun"] = "phase";
    for (const part of m[1].matchAll(PART)) {
      if (part[1]) noun = part[1].toLowerCase().replace(/s$/, "") as DeclaredDependency["noun"];
      const id = part[2].replace(/\.+$/, "");
      if (!out.some((d) => d.noun === noun && d.id === id)) out.push({ noun, id });
    }
  }
  return out;
}

/** The phase ids a phase's own text names as its dependencies. */
export function phaseDependencies(ownText: string): string[] {
  return declaredDependencies(ownText)
    .filter((d) => d.noun === "phase")
    .map((d) => d.id);
}
