import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const skippedDirectories = new Set(["node_modules", ".git"]);

/**
 * Every regular file under `root` (absolute paths, sorted). Skips node_modules
 * and .git, and never follows a symlinked directory, so link loops cannot trap the walk;
 * a symlink to a file is listed. Unreadable directories are reported through `onError`.
 */
export function walkFiles(root: string, onError: (path: string, error: Error) => void): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const directory = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      onError(directory, error as Error);
      continue;
    }
    const subdirectories: string[] = [];
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) {
        if (!skippedDirectories.has(entry.name)) subdirectories.push(path);
      } else if (entry.isFile()) {
        files.push(path);
      } else if (entry.isSymbolicLink() && isFile(path)) {
        files.push(path);
      }
    }
    pending.push(...subdirectories);
  }
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
