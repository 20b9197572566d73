import type { GitHubClient } from "./client.js";

/** Named paths looked up one by one when GitHub truncates the tree (one GraphQL request; each with its alternatives). */
export const MAX_DIRECT_LOOKUPS = 100;

/**
 * Every file path at `sha`: ONE recursive tree read (a plain REST GET, which the throttle does
 * not hold back). When GitHub truncates it (very large repositories), `lookup` paths are checked
 * directly instead, at most MAX_DIRECT_LOOKUPS in one GraphQL read; the rest stay unknown. Each
 * entry of `lookup` is one named path with its alternatives (the same path from the plan's
 * folder), looked up together so that "absent" is an answer, not half of one.
 */
export async function readTree(
  octokit: GitHubClient,
  target: { owner: string; repo: string; sha: string; lookup: () => readonly (readonly string[])[] },
): Promise<{ files: string[]; truncated: boolean; checked: Map<string, boolean> }> {
  const { data } = await octokit.rest.git.getTree({ owner: target.owner, repo: target.repo, tree_sha: target.sha, recursive: "1" });
  const files = data.tree.filter((e) => (e.type === "blob" || e.type === "commit") && typeof e.path === "string").map((e) => e.path as string);
  const checked = new Map<string, boolean>();
  if (!data.truncated) return { files, truncated: false, checked };
  const paths = [...new Set(target.lookup().slice(0, MAX_DIRECT_LOOKUPS).flat())];
  if (paths.length > 0) {
    const variables: Record<string, string> = { owner: target.owner, repo: target.repo };
    const fields = paths.map((path, i) => {
      variables[`p${i}`] = `${target.sha}:${path}`;
      return `p${i}: object(expression: $p${i}) { __typename }`;
    });
    const query = `query pathsExist($owner: String!, $repo: String!, ${paths.map((_, i) => `$p${i}: String!`).join(", ")}) {
  repository(owner: $owner, name: $repo) { ${fields.join(" ")} }
}`;
    const result = await octokit.graphql<{ repository: Record<string, unknown> | null }>(query, variables);
    paths.forEach((path, i) => checked.set(path, Boolean(result.repository?.[`p${i}`])));
  }
  return { files, truncated: true, checked };
}
