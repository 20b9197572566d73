import type { Context } from "probot";
import { checkMergeGroup } from "../core/check-merge-group.js";
import type { HandlerDeps, HandlerNote } from "./handler-deps.js";

/** merge_group.checks_requested → a completed check on the merge-group commit (queues need one). */
export function mergeGroupHandler(deps: HandlerDeps) {
  return async (context: Context<"merge_group.checks_requested">): Promise<HandlerNote> => {
    const { payload } = context;
    const { owner, repo } = context.repo();
    const result = await checkMergeGroup(
      context.octokit,
      { owner, repo, headSha: payload.merge_group.head_sha, baseSha: payload.merge_group.base_sha, repoUrl: payload.repository?.html_url ?? `https://github.com/${owner}/${repo}` },
      { log: context.log, cache: deps.cache },
    );
    return { outcome: "ok", plans: result.plans };
  };
}
