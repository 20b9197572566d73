import { isPlanPath } from "../config/plan-paths.js";
import { defaultConfig, type Config } from "../config/schema.js";
import { CONFIG_PATH } from "../github/gather-pull-request-context.js";

/** The part of a `push` webhook payload the decision reads. */
export interface PushLike {
  ref: string;
  deleted?: boolean;
  before?: string;
  commits?: readonly { added?: readonly string[]; removed?: readonly string[]; modified?: readonly string[] }[] | null;
  head_commit?: { added?: readonly string[]; removed?: readonly string[]; modified?: readonly string[] } | null;
  repository: { default_branch?: string; master_branch?: string };
}

/** GitHub lists at most this many commits in a push payload. */
const PAYLOAD_COMMIT_LIMIT = 2048;
const MARKDOWN = /\.(?:md|markdown|mdx)$/i;

/**
 * Whether a push may change the default branch's plans, decided from the payload alone (no
 * request): a push to the default branch adding, changing, renaming or removing a file the plan
 * globs match (any markdown file while the repository's globs are not known yet), or the
 * configuration file. A push whose commits the payload cannot list (a force-push back to an
 * older commit, over 2048 commits) counts, to be safe.
 */
export function pushTouchesPlans(push: PushLike, plans: Config["plans"] | null): { touches: boolean; configChanged: boolean; reason: string } {
  const branch = push.repository.default_branch ?? push.repository.master_branch;
  if (push.ref !== `refs/heads/${branch}`) return { touches: false, configChanged: false, reason: `not the default branch (${push.ref})` };
  if (push.deleted) return { touches: false, configChanged: false, reason: "branch deleted" };
  const commits = push.commits ?? [];
  if (commits.length === 0 || commits.length >= PAYLOAD_COMMIT_LIMIT) return { touches: true, configChanged: true, reason: "the payload does not list every change" };
  const paths = new Set<string>();
  for (const c of [...commits, ...(push.head_commit ? [push.head_commit] : [])]) for (const p of [...(c.added ?? []), ...(c.removed ?? []), ...(c.modified ?? [])]) paths.add(p);
  const configChanged = paths.has(CONFIG_PATH);
  const config = plans ? { ...defaultConfig, plans } : null;
  const plan = [...paths].find((p) => (config ? isPlanPath(p, config) : MARKDOWN.test(p)));
  if (plan !== undefined) return { touches: true, configChanged, reason: `changes ${plan}` };
  if (configChanged) return { touches: true, configChanged, reason: `changes ${CONFIG_PATH}` };
  return { touches: false, configChanged: false, reason: "no plan changed" };
}
