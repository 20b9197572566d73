import { statSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import picomatch from "picomatch";
import { isExcludedPath, isPlanPath } from "../config/plan-paths.js";
import type { Config } from "../config/schema.js";
import { walkFiles } from "./walk.js";

export interface CollectedFiles {
  /** absolute path and the path shown in reports (relative to cwd, forward slashes) */
  files: { absolute: string; display: string }[];
  problems: string[];
}

/**
 * Turns command-line operands into files to lint. No operands: the configured globs under
 * `cwd`. A file: linted as given. A directory: searched with the configured globs. A glob:
 * expanded (minus `plans.exclude`). Anything else is a problem (exit 2).
 */
export function collectFiles(operands: readonly string[], cwd: string, config: Config): CollectedFiles {
  const problems: string[] = [];
  const seen = new Set<string>();
  const files: CollectedFiles["files"] = [];
  const add = (absolute: string) => {
    if (seen.has(absolute)) return;
    seen.add(absolute);
    files.push({ absolute, display: displayPath(cwd, absolute) });
  };
  const onError = (path: string, error: Error) => problems.push(`cannot read directory ${displayPath(cwd, path)}: ${error.message}`);

  for (const operand of operands.length > 0 ? operands : ["."]) {
    const absolute = resolve(cwd, operand);
    const kind = fileKind(absolute);
    if (kind === "file") add(absolute);
    else if (kind === "directory") {
      // Globs are relative to the repository root (cwd); outside it, to the directory named.
      const base = isInside(cwd, absolute) ? cwd : absolute;
      for (const file of walkFiles(absolute, onError)) if (isPlanPath(slashes(relative(base, file)), config)) add(file);
    } else if (picomatch.scan(operand).isGlob) {
      const expanded = expandGlob(operand, cwd, config, onError);
      if (expanded.length === 0) problems.push(`no files match \`${operand}\``);
      expanded.forEach(add);
    } else {
      problems.push(`no such file or directory: ${operand}`);
    }
  }
  return { files, problems };
}

function expandGlob(pattern: string, cwd: string, config: Config, onError: (path: string, error: Error) => void): string[] {
  const { base, glob } = picomatch.scan(slashes(pattern));
  const root = resolve(cwd, base || ".");
  if (fileKind(root) !== "directory") return [];
  const matches = picomatch(glob, { dot: true });
  const excludeBase = isInside(cwd, root) ? cwd : root;
  return walkFiles(root, onError).filter((file) => matches(slashes(relative(root, file))) && !isExcludedPath(slashes(relative(excludeBase, file)), config));
}

function fileKind(path: string): "file" | "directory" | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? "file" : stats.isDirectory() ? "directory" : null;
  } catch {
    return null;
  }
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function displayPath(cwd: string, absolute: string): string {
  return slashes(relative(cwd, absolute)) || ".";
}

function slashes(path: string): string {
  return path.replace(/\\/g, "/");
}
