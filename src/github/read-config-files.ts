import type { GitHubClient } from "./client.js";
import type { ConfigFile } from "./gather-pull-request-context.js";
import { graphqlAllowingMissing } from "./gather-pull-request-context.js";

/** Reads one configuration file at a repository's default branch (for `_extends`), null when absent. */
export async function readConfigFile(octokit: GitHubClient, target: { owner: string; repo: string; path: string }): Promise<ConfigFile | null> {
  const query = `query readConfigFile($owner: String!, $repo: String!, $expression: String!) {
  repository(owner: $owner, name: $repo) { file: object(expression: $expression) { ... on Blob { text } } }
}`;
  const data = await graphqlAllowingMissing<{ repository: { file: { text: string | null } | null } | null }>(
    octokit,
    query,
    { owner: target.owner, repo: target.repo, expression: `HEAD:${target.path}` },
    ["repository"],
  );
  const text = data.repository?.file?.text;
  return typeof text === "string" ? { source: `${target.owner}/${target.repo}:${target.path}`, ...target, text } : null;
}
