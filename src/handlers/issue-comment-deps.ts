import type { Context } from "probot";
import { checkPullRequest } from "../core/check-pull-request.js";
import { planPaths, plansFromBlobs } from "../core/find-plans.js";
import { pathsNamedInBody } from "../core/paths-named-in-body.js";
import { resolveConfig } from "../core/resolve-config.js";
import { CHECK_NAME } from "../github/check-run.js";
import type { GitHubClient } from "../github/client.js";
import { gatherPullRequestContext } from "../github/gather-pull-request-context.js";
import { toPullHead } from "../github/get-pull-head.js";
import { listPullRequestFiles } from "../github/list-pull-request-files.js";
import { readBranchFiles } from "../github/read-branch-files.js";
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
    // ONE query: the configuration (same semantics as the check: repo file, then the owner's
    // .github repo, `_extends`; a broken config falls back to the defaults its validation keeps —
    // the check reports the errors) and the PR's head and changed files, instead of pulls.get + listFiles.
    loadContext: async (context) => {
      const { owner, repo } = context.repo();
      const number = context.payload.issue.number;
      const gathered = await gatherPullRequestContext(client(context), { owner, repo, headSha: "HEAD", paths: [], pullNumber: number, include: { sticky: false, pull: true } });
      const { config } = await resolveConfig(gathered.config, (t) => readConfigFile(client(context), t), `${owner}/${repo}`);
      const pull = gathered.pull;
      if (!pull) throw new Error(`Pull request #${number} of ${owner}/${repo} was not found.`);
      const repoUrl = context.payload.repository.html_url ?? `https://github.com/${owner}/${repo}`;
      return { config, head: toPullHead(pull, { owner, repo, repoUrl }), files: pull.files };
    },
    // ONE query: an open same-repository PR's head branch (head oid + plan texts in that commit,
    // which is also the first compare-and-swap read); otherwise the texts at the head sha.
    readPlans: async (context, loaded, head) => {
      const { owner, repo } = context.repo();
      const changed = loaded.files ?? (await listPullRequestFiles(client(context), { owner, repo, number: head.number })).files;
      const named = pathsNamedInBody(head.body ?? "", owner, repo);
      const paths = planPaths(changed, named, loaded.config);
      const onBranch = head.state === "open" && !head.fromFork;
      const read = await readBranchFiles(client(context), {
        owner,
        repo,
        branch: onBranch ? head.ref : null,
        paths: onBranch ? paths : [],
        also: onBranch ? [] : paths.map((path) => ({ rev: head.sha, path })),
      });
      const blobs = onBranch ? read.blobs : new Map(read.also.flatMap((b) => (b ? [[b.path, b] as const] : [])));
      const { plans } = await plansFromBlobs(blobs, { changed, named }, loaded.config, deps.cache);
      return { sha: (onBranch ? read.headOid : null) ?? head.sha, plans: plans.map((p) => p.plan), branch: onBranch ? read : null };
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
