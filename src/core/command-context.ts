import type { Config } from "../config/schema.js";
import type { GitHubClient } from "../github/client.js";
import { gatherPullRequestContext } from "../github/gather-pull-request-context.js";
import { toPullHead, type PullHead } from "../github/get-pull-head.js";
import { listPullRequestFiles, type ChangedFile } from "../github/list-pull-request-files.js";
import { readBranchFiles } from "../github/read-branch-files.js";
import { readConfigFile } from "../github/read-config-files.js";
import { planPaths, plansFromBlobs } from "./find-plans.js";
import type { ParseCache } from "./parse-cache.js";
import { pathsNamedInBody } from "./paths-named-in-body.js";
import { resolveConfig } from "./resolve-config.js";
import type { PlansAtHead } from "./run-plan-command.js";

/** The configuration and the PR, read in ONE request before a `/plan` command does anything else. */
export interface CommandContext {
  config: Config;
  head: PullHead;
  /** the PR's changed files; null when there are too many to list in that request */
  files: ChangedFile[] | null;
}

/**
 * ONE query: the configuration (same semantics as the check: repo file, then the owner's
 * .github repo, `_extends`; a broken config falls back to the defaults its validation keeps —
 * the check reports the errors) and the PR's head and changed files, instead of pulls.get + listFiles.
 */
export async function loadCommandContext(
  octokit: GitHubClient,
  target: { owner: string; repo: string; number: number; repoUrl: string; configPath?: string },
): Promise<CommandContext> {
  const { owner, repo, number, configPath } = target;
  const gathered = await gatherPullRequestContext(octokit, { owner, repo, headSha: "HEAD", paths: [], pullNumber: number, include: { sticky: false, pull: true }, configPath });
  const { config } = await resolveConfig(gathered.config, (t) => readConfigFile(octokit, t), `${owner}/${repo}`);
  const pull = gathered.pull;
  if (!pull) throw new Error(`Pull request #${number} of ${owner}/${repo} was not found.`);
  return { config, head: toPullHead(pull, { owner, repo, repoUrl: target.repoUrl }), files: pull.files };
}

/**
 * ONE query: an open same-repository PR's head branch (head oid + plan texts in that commit,
 * which is also the first compare-and-swap read); otherwise the texts at the head sha.
 */
export async function readPlansAtHead(
  octokit: GitHubClient,
  target: { owner: string; repo: string; loaded: CommandContext; head: PullHead; cache: ParseCache },
): Promise<PlansAtHead> {
  const { owner, repo, loaded, head } = target;
  const changed = loaded.files ?? (await listPullRequestFiles(octokit, { owner, repo, number: head.number })).files;
  const named = pathsNamedInBody(head.body ?? "", owner, repo);
  const paths = planPaths(changed, named, loaded.config);
  const onBranch = head.state === "open" && !head.fromFork;
  const read = await readBranchFiles(octokit, {
    owner,
    repo,
    branch: onBranch ? head.ref : null,
    paths: onBranch ? paths : [],
    also: onBranch ? [] : paths.map((path) => ({ rev: head.sha, path })),
  });
  const blobs = onBranch ? read.blobs : new Map(read.also.flatMap((b) => (b ? [[b.path, b] as const] : [])));
  const { plans } = await plansFromBlobs(blobs, { changed, named }, loaded.config, target.cache);
  return { sha: (onBranch ? read.headOid : null) ?? head.sha, plans: plans.map((p) => p.plan), branch: onBranch ? read : null };
}
