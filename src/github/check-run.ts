import type { GitHubClient } from "./client.js";

export const CHECK_NAME = "Plan hygiene";
/** GitHub accepts at most 50 annotations per create/update request. */
export const ANNOTATIONS_PER_REQUEST = 50;

export type Conclusion = "success" | "failure" | "neutral" | "action_required" | "skipped";

export interface Annotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
}

export interface CheckRunOutput {
  title: string;
  summary: string;
  text?: string;
}

interface Target {
  owner: string;
  repo: string;
  headSha: string;
}

/** Creates the "Plan hygiene" check run as in progress; returns its id. */
export async function startCheckRun(octokit: GitHubClient, target: Target): Promise<number> {
  const { data } = await octokit.rest.checks.create({
    owner: target.owner,
    repo: target.repo,
    name: CHECK_NAME,
    head_sha: target.headSha,
    status: "in_progress",
    started_at: new Date().toISOString(),
  });
  return data.id;
}

/**
 * Completes the check run (creating it when `id` is null) with its output and annotations, in
 * batches of 50: every batch but the last appends annotations while in progress, the last one
 * also sets the conclusion, so a completed run always carries all of its annotations.
 */
export async function completeCheckRun(
  octokit: GitHubClient,
  target: Target & { id: number | null; conclusion: Conclusion; output: CheckRunOutput; annotations: readonly Annotation[] },
): Promise<number> {
  const batches: Annotation[][] = [];
  for (let i = 0; i < target.annotations.length; i += ANNOTATIONS_PER_REQUEST) batches.push(target.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  if (batches.length === 0) batches.push([]);
  let id = target.id;
  for (const [i, batch] of batches.entries()) {
    const last = i === batches.length - 1;
    const output = { ...target.output, ...(batch.length ? { annotations: batch } : {}) };
    const completion = last ? { status: "completed" as const, conclusion: target.conclusion, completed_at: new Date().toISOString() } : { status: "in_progress" as const };
    if (id === null) {
      const { data } = await octokit.rest.checks.create({ owner: target.owner, repo: target.repo, name: CHECK_NAME, head_sha: target.headSha, output, ...completion });
      id = data.id;
    } else {
      await octokit.rest.checks.update({ owner: target.owner, repo: target.repo, check_run_id: id, output, ...completion });
    }
  }
  return id as number;
}
