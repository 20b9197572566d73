import type { GitHubClient } from "./client.js";
import type { BlobText } from "./blob-node.js";
import { findStickyComment } from "./find-sticky-comment.js";
import { gatherPullRequestContext, type PullRequestContext } from "./gather-pull-request-context.js";
import { readConfigFiles } from "./read-config-files.js";
import { readFileAt } from "./read-file-at.js";

/**
 * Up to this many files are read with REST GETs (in parallel, no throttle slot); more in ONE
 * GraphQL query, which waits for a throttle slot (1 s) but keeps the request count flat.
 */
export const REST_FILE_READS = 5;

/**
 * What the PR check reads after the file list: the candidate plans at `headSha`, the
 * configuration files and the sticky comment. Few candidates: plain REST GETs only (no
 * throttled request at all); many: one batched GraphQL query for all of it.
 */
export async function readCheckInputs(
  octokit: GitHubClient,
  target: { owner: string; repo: string; headSha: string; paths: readonly string[]; pullNumber: number | null; configPath?: string },
): Promise<PullRequestContext> {
  const { owner, repo, headSha, paths, pullNumber } = target;
  if (paths.length > REST_FILE_READS) return gatherPullRequestContext(octokit, target);
  const [blobs, config, sticky] = await Promise.all([
    readFilesAt(octokit, { owner, repo, ref: headSha, paths }),
    readConfigFiles(octokit, { owner, repo, path: target.configPath }),
    pullNumber === null ? null : findStickyComment(octokit, { owner, repo, number: pullNumber }),
  ]);
  return { blobs, config, sticky, pull: null, parent: null };
}

/** Files at one ref: REST for a few, one GraphQL query for many (see REST_FILE_READS). */
export async function readFilesAt(octokit: GitHubClient, target: { owner: string; repo: string; ref: string; paths: readonly string[] }): Promise<Map<string, BlobText>> {
  const { owner, repo, ref, paths } = target;
  if (paths.length > REST_FILE_READS) return (await gatherPullRequestContext(octokit, { owner, repo, headSha: ref, paths, pullNumber: null })).blobs;
  const read = await Promise.all(paths.map((path) => readFileAt(octokit, { owner, repo, path, ref })));
  return new Map(read.flatMap((blob) => (blob ? [[blob.path, blob] as const] : [])));
}
