/**
 * A plan of about `targetChars` characters: the corpus plans concatenated (cycling) and cut at a
 * line boundary, so the content is realistic and the size is what the scaling ratio needs.
 */
export function syntheticPlan(corpus: readonly string[], targetChars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < targetChars; i++) {
    const text = corpus[i % corpus.length];
    parts.push(text);
    length += text.length + 1;
  }
  const joined = parts.join("\n");
  const cut = joined.lastIndexOf("\n", targetChars);
  return joined.slice(0, cut > 0 ? cut + 1 : targetChars);
}
