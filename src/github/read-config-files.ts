import type { GitHubClient } from "./client.js";
import { CONFIG_PATH, type ConfigFile } from "./gather-pull-request-context.js";
import { readFileAt } from "./read-file-at.js";

/** Reads one configuration file at a repository's default branch (for `_extends`), null when absent. A REST read: no throttle slot. */
export async function readConfigFile(octokit: GitHubClient, target: { owner: string; repo: string; path: string }): Promise<ConfigFile | null> {
  const blob = await readFileAt(octokit, target);
  return typeof blob?.text === "string" ? { source: `${target.owner}/${target.repo}:${target.path}`, ...target, text: blob.text } : null;
}

/** Probot's `context.config` lookup: the repository's file at its default branch, else the owner's `.github` repository's. */
export async function readConfigFiles(octokit: GitHubClient, target: { owner: string; repo: string; path?: string }): Promise<{ repo: ConfigFile | null; org: ConfigFile | null }> {
  const path = target.path ?? CONFIG_PATH;
  const own = await readConfigFile(octokit, { owner: target.owner, repo: target.repo, path });
  if (own || target.repo === ".github") return { repo: own, org: null };
  return { repo: null, org: await readConfigFile(octokit, { owner: target.owner, repo: ".github", path }) };
}
