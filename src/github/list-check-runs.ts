import type { Octokit } from "@octokit/rest";
import type { CheckRunSummary } from "../commands/judge-checks.js";

/** Latest check runs on a commit (at most 300: three pages of 100 — enough to judge "all green"). */
export async function listCheckRuns(octokit: Pick<Octokit, "request">, target: { owner: string; repo: string; ref: string }): Promise<CheckRunSummary[]> {
  const runs: CheckRunSummary[] = [];
  for (let page = 1; page <= 3; page++) {
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      ...target,
      filter: "latest",
      per_page: 100,
      page,
    });
    for (const r of data.check_runs) runs.push({ name: r.name, status: r.status, conclusion: r.conclusion ?? null, app: r.app ? { slug: r.app.slug } : null });
    if (runs.length >= data.total_count || data.check_runs.length < 100) break;
  }
  return runs;
}
