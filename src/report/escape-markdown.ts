// Plan text is written by anyone who can open a PR; the app's comment and check summary must
// show it without letting it mention people or teams (@org/team notifies!), inject HTML or
// links, or break out of a table cell. Everything user-written goes through these helpers.

const ZWJ = "\u200d";

/** Plain text for prose or a table cell: no mentions, no HTML, no markdown, one line. */
export function escapeText(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_{}[\]()#+!|~])/g, "\\$1")
    .replace(/^(\s*)([-=])/, "$1\\$2")
    .replace(/^(\s*\d+)\./, "$1\\.")
    // after every "@": no @mention, no @org/team, no email autolink
    .replace(/@/g, `@${ZWJ}`)
    // no literal autolinks (http://…, www.…) that would turn plan text into links
    .replace(/:\/\//g, `:${ZWJ}//`)
    .replace(/\b(www)\./gi, `$1${ZWJ}.`)
}

/** A code span (for paths and rule ids): mentions do not render inside; `|` stays in its cell. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") || flat === "" ? " " : "";
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link whose text is escaped and whose URL cannot close the link early. */
export function link(label: string, url: string): string {
  return `[${label}](${url.replace(/[\s()<>]/g, (c) => encodeURIComponent(c))})`;
}

/** https://github.com/o/r/blob/<sha>/<path>#L12 with every path segment URL-encoded. */
export function blobUrl(repoUrl: string, sha: string, path: string, line?: number): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `${repoUrl}/blob/${sha}/${encoded}${line ? `#L${line}` : ""}`;
}

/** Shortens text to `max` characters on a character boundary, marking the cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${Array.from(text).slice(0, max - 1).join("")}…`;
}
