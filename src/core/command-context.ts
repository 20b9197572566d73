import type { Config } from "../config/schema.js";
import type { GitHubClient } from "../github/client.js";
import { toPullHead, type PullHead } from "../github/get-pull-head.js";
import { listPullRequestFiles, type ChangedFile } from "../github/list-pull-request-files.js";
import { readFilesAt } from "../github/read-check-inputs.js";
import { readConfigFile, readConfigFiles } from "../github/read-config-files.js";
import { readPullRequest } from "../github/read-pull-request.js";
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
 * Plain REST GETs (no throttle slot): the configuration (same semantics as the check: repo file,
 * then the owner's .github repo, `_extends`; a broken config falls back to the defaults its
 * validation keeps — the check reports the errors) and the PR's head and changed files.
 */
export async function loadCommandContext(
  octokit: GitHubClient,
  target: { owner: string; repo: string; number: number; repoUrl: string; configPath?: string },
): Promise<CommandContext> {
  const { owner, repo, number, configPath } = target;
  const [files, pull] = await Promise.all([readConfigFiles(octokit, { owner, repo, path: configPath }), readPullRequest(octokit, { owner, repo, number })]);
  const { config } = await resolveConfig(files, (t) => readConfigFile(octokit, t), `${owner}/${repo}`);
  return { config, head: toPullHead(pull, { owner, repo, repoUrl: target.repoUrl }), files: pull.files };
}

/**
 * The plan texts at the PR's head sha over REST (no throttle slot; one GraphQL query for many
 * plans). For an open same-repository PR that read is also the first compare-and-swap read:
 * the commit expects the branch at that sha, and a branch that moved since is re-read.
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
  const blobs = await readFilesAt(octokit, { owner, repo, ref: head.sha, paths });
  const { plans } = await plansFromBlobs(blobs, { changed, named }, loaded.config, target.cache);
  const texts = Object.fromEntries(paths.map((path) => [path, blobs.get(path)?.text ?? null]));
  return { sha: head.sha, plans: plans.map((p) => p.plan), branch: onBranch ? { headOid: head.sha, texts } : null };
}
