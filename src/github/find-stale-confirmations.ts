import type { Octokit } from "@octokit/rest";
import type { PlanDocument } from "../plan/types.js";
import type { Finding } from "../rules/types.js";
import { staleConfirmationFindings } from "../commands/stale-confirmations.js";

/** Distinct confirmation commits compared per plan (one request each). */
const MAX_COMPARES = 10;

/**
 * Notices for confirmations made stale by later commits that changed files the phase names:
 * one `repos.compareCommits(confirmation...head)` per distinct confirmation sha (bounded), only
 * for confirmed phases that name files. A 404 (commit gone after a rebase) is a notice too;
 * other errors skip that sha rather than fail the check.
 */
export async function findStaleConfirmations(
  octokit: Pick<Octokit, "request">,
  target: { owner: string; repo: string; headSha: string },
  plan: PlanDocument,
): Promise<Finding[]> {
  const shas = new Set<string>();
  for (const phase of plan.phases) {
    const c = phase.gate?.confirmation;
    if (c && phase.files.length > 0 && !target.headSha.startsWith(c.sha.toLowerCase())) shas.add(c.sha);
  }
  const changedSince = new Map<string, readonly string[] | null>();
  for (const sha of [...shas].slice(0, MAX_COMPARES)) {
    try {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        owner: target.owner,
        repo: target.repo,
        basehead: `${sha}...${target.headSha}`,
        per_page: 100,
      });
      changedSince.set(sha, (data.files ?? []).flatMap((f) => (f.previous_filename ? [f.filename, f.previous_filename] : [f.filename])));
    } catch (error) {
      const status = (error as { status?: number }).status;
      if (status === 404) changedSince.set(sha, null);
    }
  }
  return staleConfirmationFindings(plan, changedSince);
}
