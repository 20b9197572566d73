/**
 * A plan of about `targetChars` characters: a plan header, then the corpus plans that have
 * phase headings (then the others), concatenated (cycling) and cut at a line boundary, so the
 * content is realistic, every rule has work to do, and the size is what the scaling ratio needs.
 */
export function syntheticPlan(corpus: readonly string[], targetChars: number): string {
  const phased = (text: string) => /^#{2,4} Phase \d/m.test(text);
  const ordered = [...corpus.filter(phased), ...corpus.filter((text) => !phased(text))];
  const parts = ["# Implementation Plan: synthetic benchmark plan\n\n**Status:** In Progress\n"];
  let length = parts[0].length;
  for (let i = 0; length < targetChars; i++) {
    const text = ordered[i % ordered.length];
    parts.push(text);
    length += text.length + 1;
  }
  const joined = parts.join("\n");
  const cut = joined.lastIndexOf("\n", targetChars);
  return joined.slice(0, cut > 0 ? cut + 1 : targetChars);
}
