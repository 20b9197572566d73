import type { GitHubClient } from "./client.js";

export interface TreeBlob {
  path: string;
  /** the blob's sha (its content hash: the parse-cache key) */
  sha: string;
  size: number;
}

export interface RepoTree {
  blobs: TreeBlob[];
  /** GitHub stops a recursive listing at 100 000 entries / 7 MB */
  truncated: boolean;
}

/**
 * Every file at `ref` in ONE request: REST `git/trees/{ref}?recursive=1` (a plain read, no
 * throttle slot). Directory and submodule entries are left out. Null when the repository is
 * empty (409) or the ref does not exist (404).
 */
export async function readRepoTree(octokit: GitHubClient, target: { owner: string; repo: string; ref: string }): Promise<RepoTree | null> {
  try {
    const { data } = await octokit.rest.git.getTree({ owner: target.owner, repo: target.repo, tree_sha: target.ref, recursive: "1" });
    const blobs = data.tree.flatMap((e) => (e.type === "blob" && e.path && e.sha ? [{ path: e.path, sha: e.sha, size: e.size ?? 0 }] : []));
    return { blobs, truncated: data.truncated };
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 404 || status === 409) return null;
    throw error;
  }
}
