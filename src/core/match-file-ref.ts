import picomatch from "picomatch";

/**
 * Whether a phase's `**File**:` entry names a changed path. Entries are repository-relative
 * paths, directories (`src/api/`), globs (`src/**\/*.ts`), or a tail of the real path
 * (`api/handler.ts` for `services/api/handler.ts`).
 */
export function fileRefMatches(ref: string, changedPath: string): boolean {
  const entry = ref.trim().replace(/^`|`$/g, "").replace(/^\.?\/+/, "");
  if (entry === "") return false;
  if (/[*?[\]{}]/.test(entry)) return picomatch.isMatch(changedPath, entry, { dot: true }) || picomatch.isMatch(changedPath, `**/${entry}`, { dot: true });
  const dir = entry.endsWith("/") ? entry : null;
  if (dir) return changedPath.startsWith(dir) || changedPath.includes(`/${dir}`);
  return changedPath === entry || changedPath.endsWith(`/${entry}`) || changedPath.startsWith(`${entry}/`);
}
