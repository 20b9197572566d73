import type { Context } from "probot";
import { checkPullRequest } from "../core/check-pull-request.js";
import { findPlans } from "../core/find-plans.js";
import { pathsNamedInBody } from "../core/paths-named-in-body.js";
import { resolveConfig } from "../core/resolve-config.js";
import { CHECK_NAME } from "../github/check-run.js";
import type { GitHubClient } from "../github/client.js";
import { gatherPullRequestContext } from "../github/gather-pull-request-context.js";
import { listPullRequestFiles } from "../github/list-pull-request-files.js";
import { readConfigFile } from "../github/read-config-files.js";
import type { HandlerDeps } from "./handler-deps.js";
import { issueCommentHandler, type IssueCommentDeps } from "./issue-comment.js";

/** The `/plan` command handler wired to the PR check's config resolution, plan finder and check. */
export function planCommandHandler(deps: HandlerDeps) {
  return issueCommentHandler(planCommandDeps(deps));
}

export function planCommandDeps(deps: HandlerDeps): IssueCommentDeps {
  const client = (context: Context) => context.octokit as unknown as GitHubClient;
  return {
    checkName: CHECK_NAME,
    // Same semantics as the check (repo file, then the owner's .github repo, `_extends`); a broken
    // config falls back to the defaults its validation keeps — the check reports the errors.
    loadConfig: async (context) => {
      const { owner, repo } = context.repo();
      const gathered = await gatherPullRequestContext(client(context), { owner, repo, headSha: "HEAD", paths: [], pullNumber: null });
      return (await resolveConfig(gathered.config, (t) => readConfigFile(client(context), t), `${owner}/${repo}`)).config;
    },
    findPlans: async (context, head) => {
      const { owner, repo } = context.repo();
      const listing = await listPullRequestFiles(client(context), { owner, repo, number: head.number });
      const named = pathsNamedInBody(head.body ?? "", owner, repo);
      const found = await findPlans(client(context), { owner, repo, headSha: head.sha, pullNumber: null, changed: listing.files, named }, deps.cache);
      return found.plans.map((p) => p.plan);
    },
    refresh: async (context, head) => {
      const { owner, repo } = context.repo();
      await checkPullRequest(
        client(context),
        {
          owner,
          repo,
          number: head.number,
          headSha: head.sha,
          headRef: head.ref,
          baseRef: head.baseRef,
          headRepoFullName: head.headRepo,
          isFork: head.fromFork,
          draft: head.draft,
          body: head.body ?? "",
          title: head.title,
          installationId: context.payload.installation?.id ?? null,
          repoUrl: head.repoUrl,
        },
        { log: context.log, cache: deps.cache },
      );
    },
  };
}
