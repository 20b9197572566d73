import type { Octokit } from "@octokit/rest";
import type { Config } from "../config/schema.js";
import { isPlanPath } from "../config/plan-paths.js";
import { parsePlan } from "../plan/parse.js";
import type { PlanDocument } from "../plan/types.js";
import { readFilesAtCommit } from "./read-branch-files.js";

/** Plans a command may act on: at most this many (a command names one; status lists them). */
const MAX_PLANS = 50;

/**
 * The plans a pull request changes (not removed) or its description names (`docs/plans/x.md`),
 * parsed at the head commit; files that turn out not to be plans are dropped.
 */
export async function readPullPlans(
  octokit: Pick<Octokit, "request" | "graphql">,
  target: { owner: string; repo: string; number: number; headSha: string; body: string | null },
  config: Config,
): Promise<PlanDocument[]> {
  const { owner, repo } = target;
  const paths = new Set<string>();
  for (let page = 1; page <= 30; page++) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", { owner, repo, pull_number: target.number, per_page: 100, page });
    for (const f of data) if (f.status !== "removed" && isPlanPath(f.filename, config)) paths.add(f.filename);
    if (data.length < 100) break;
  }
  for (const m of (target.body ?? "").matchAll(/(?:^|[\s(`'"[<])\.?\/?((?:[\w.-]+\/)*[\w.-]+\.md)(?=$|[\s)`'"\]>:#,;!?]|\.(?:\s|$))/gm)) {
    if (!m[1].split("/").includes("..") && isPlanPath(m[1], config)) paths.add(m[1]);
  }
  const list = [...paths].slice(0, MAX_PLANS);
  const texts = await readFilesAtCommit(octokit, { owner, repo, rev: target.headSha, paths: list });
  return list
    .flatMap((path) => (texts[path] == null ? [] : [parsePlan(texts[path] as string, path, { maxFileSize: config.plans.maxFileSize })]))
    .filter((plan) => plan.isPlan || plan.phases.length > 0);
}
