import picomatch from "picomatch";
import type { RepoPath } from "../plan/repo-path.js";
import type { RepoView } from "./repo-view.js";

/**
 * A RepoView over a list of the repository's files (a git tree, `git ls-files`, a walk of the
 * disk). Matching is exact and case-sensitive as git is; a name without a slash matches a file
 * of that name anywhere; a directory or glob matches when any file is under it. With
 * `complete: false` (GitHub truncated the tree) a path not in the list is looked up in
 * `checked` (answers from a direct lookup), else unknown.
 */
export function fileListView(
  files: Iterable<string>,
  options: { where: string; complete: boolean; checked?: ReadonlyMap<string, boolean>; limit?: string | null },
): RepoView {
  const all = new Set<string>();
  const dirs = new Set<string>();
  const names = new Set<string>();
  for (const file of files) {
    all.add(file);
    names.add(file.slice(file.lastIndexOf("/") + 1));
    for (let i = file.indexOf("/"); i >= 0; i = file.indexOf("/", i + 1)) dirs.add(file.slice(0, i + 1));
  }
  const globs = new Map<string, boolean>();
  const found = (target: RepoPath): boolean => {
    switch (target.kind) {
      case "directory":
        return dirs.has(target.path);
      case "glob": {
        let hit = globs.get(target.path);
        if (hit === undefined) {
          const match = picomatch(target.path, { dot: true, basename: !target.path.includes("/") });
          hit = [...all].some((f) => match(f)) || [...dirs].some((d) => match(d.slice(0, -1)));
          globs.set(target.path, hit);
        }
        return hit;
      }
      case "file":
        if (all.has(target.path) || dirs.has(`${target.path}/`)) return true;
        return !target.path.includes("/") && (names.has(target.path) || dirs.has(`${target.path}/`));
    }
  };
  return {
    where: options.where,
    limit: options.complete ? null : (options.limit ?? "the repository's file list was incomplete"),
    exists(target) {
      if (found(target)) return true;
      if (options.complete) return false;
      return options.checked?.get(target.path) ?? null;
    },
  };
}
