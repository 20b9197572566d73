import type { Context } from "probot";
import { checkPullRequest } from "../core/check-pull-request.js";
import { planPaths, plansFromBlobs } from "../core/find-plans.js";
import { pathsNamedInBody } from "../core/paths-named-in-body.js";
import { resolveConfig } from "../core/resolve-config.js";
import { CHECK_NAME } from "../github/check-run.js";
import type { GitHubClient } from "../github/client.js";
import { toPullHead } from "../github/get-pull-head.js";
import { listPullRequestFiles } from "../github/list-pull-request-files.js";
import { readFilesAt } from "../github/read-check-inputs.js";
import { readConfigFile, readConfigFiles } from "../github/read-config-files.js";
import { readPullRequest } from "../github/read-pull-request.js";
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
    // Plain REST GETs (no throttle slot): the configuration (same semantics as the check: repo
    // file, then the owner's .github repo, `_extends`; a broken config falls back to the defaults
    // its validation keeps — the check reports the errors) and the PR's head and changed files.
    loadContext: async (context) => {
      const { owner, repo } = context.repo();
      const number = context.payload.issue.number;
      const [files, pull] = await Promise.all([readConfigFiles(client(context), { owner, repo }), readPullRequest(client(context), { owner, repo, number })]);
      const { config } = await resolveConfig(files, (t) => readConfigFile(client(context), t), `${owner}/${repo}`);
      const repoUrl = context.payload.repository.html_url ?? `https://github.com/${owner}/${repo}`;
      return { config, head: toPullHead(pull, { owner, repo, repoUrl }), files: pull.files };
    },
    // The plan texts at the PR's head sha over REST (no throttle slot; one GraphQL query for
    // many plans). For an open same-repository PR that read is also the first compare-and-swap
    // read: the commit expects the branch at that sha, and a branch that moved since is re-read.
    readPlans: async (context, loaded, head) => {
      const { owner, repo } = context.repo();
      const changed = loaded.files ?? (await listPullRequestFiles(client(context), { owner, repo, number: head.number })).files;
      const named = pathsNamedInBody(head.body ?? "", owner, repo);
      const paths = planPaths(changed, named, loaded.config);
      const onBranch = head.state === "open" && !head.fromFork;
      const blobs = await readFilesAt(client(context), { owner, repo, ref: head.sha, paths });
      const { plans } = await plansFromBlobs(blobs, { changed, named }, loaded.config, deps.cache);
      const texts = Object.fromEntries(paths.map((path) => [path, blobs.get(path)?.text ?? null]));
      return { sha: head.sha, plans: plans.map((p) => p.plan), branch: onBranch ? { headOid: head.sha, texts } : null };
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
