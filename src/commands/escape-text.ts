/**
 * Plan text shown in a reply: one line, bounded, and inert — no @mentions or #refs that notify,
 * no HTML, no table breaks.
 */
export function escapeText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut
    .replace(/([\\`*_[\]])/g, "\\$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/([@#])(?=[A-Za-z0-9])/g, "$1\u200b");
}
