import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import type { RepoPath } from "../plan/repo-path.js";
import { fileListView } from "../repo/file-list-view.js";
import type { HistoryView, RepoView } from "../repo/repo-view.js";
import { walkFiles } from "./walk.js";

export interface RepositoryFacts {
  root: string;
  /** null when `root` is not inside a git checkout */
  gitRoot: string | null;
  repo: RepoView;
  /** the history view for one plan (its path relative to the root) */
  history: HistoryView;
}

function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return null;
  }
}

/** The repository root the CLI checks named paths against: `--root`, else git's top level, else the current directory. */
export function repositoryRoot(cwd: string, option: string | null): string {
  if (option !== null) return resolve(cwd, option);
  return git(cwd, ["rev-parse", "--show-toplevel"])?.trim() || cwd;
}

/**
 * What the CLI knows about the repository at `root`: the files on disk (git's list of tracked
 * and untracked files when it is a checkout, else a walk; an exact path is also asked of the
 * disk, so ignored files count) and `git log` for `stale-plan`.
 */
export function repositoryFacts(root: string): RepositoryFacts {
  const top = git(root, ["rev-parse", "--show-toplevel"])?.trim() || null;
  let list: RepoView | null = null;
  // listed on the first question only: most plans claim nothing done
  const listing = (): RepoView => {
    if (list) return list;
    const listed = top !== null ? git(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"]) : null;
    const files = listed !== null ? listed.split("\0").filter(Boolean) : walkFiles(root, () => {}).map((f) => relative(root, f).split(sep).join("/"));
    return (list = fileListView(files, { where: "on disk", complete: true }));
  };
  const repo: RepoView = {
    where: "on disk",
    limit: null,
    exists(target) {
      if (target.kind !== "glob" && target.path.includes("/") && existsSync(join(root, target.path))) return true;
      if (listing().exists(target)) return true;
      return false;
    },
  };
  const history: HistoryView = {
    now: new Date(),
    missing: top === null ? `${root} is not a git checkout` : null,
    lastChange(paths: readonly RepoPath[]) {
      if (top === null) return undefined;
      const out = git(root, ["log", "-1", "--format=%cI", "--", ...paths.map(pathspec)]);
      if (out === null) return undefined;
      return out.trim() === "" ? null : new Date(out.trim());
    },
  };
  return { root, gitRoot: top, repo, history };
}

function pathspec(target: RepoPath): string {
  if (target.kind === "glob") return `:(glob)${target.path.includes("/") ? target.path : `**/${target.path}`}`;
  if (target.kind === "file" && !target.path.includes("/")) return `:(glob)**/${target.path}`;
  return `:(literal)${target.path}`;
}
