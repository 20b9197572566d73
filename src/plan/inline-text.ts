// Strips inline markdown from a source slice: emphasis, strikethrough, code ticks, links.
export function stripInline(source: string): string {
  return source
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|~~)/g, "")
    .replace(/(^|[^\p{L}\p{N}])[*_](?=\S)|(?<=\S)[*_](?=[^\p{L}\p{N}]|$)/gu, "$1")
    .replace(/`+/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** [start, end) shrunk past leading and trailing whitespace. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}
