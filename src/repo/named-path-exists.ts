import type { NamedPath } from "../plan/named-paths.js";
import type { RepoView } from "./repo-view.js";

/**
 * Whether a path a plan names exists: from the repository root, or (spec-kit and others write
 * `contracts/api.yaml` beside `tasks.md`) from the plan's own folder. null when unknown.
 */
export function namedPathExists(repo: RepoView, planPath: string, named: Pick<NamedPath, "path" | "kind">): boolean | null {
  const exists = repo.exists(named);
  const dir = planPath.includes("/") ? planPath.slice(0, planPath.lastIndexOf("/") + 1) : "";
  if (exists === false && dir !== "" && named.path.includes("/")) return repo.exists({ path: `${dir}${named.path}`, kind: named.kind });
  return exists;
}
