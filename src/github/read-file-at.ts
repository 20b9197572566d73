import type { GitHubClient } from "./client.js";
import type { BlobText } from "./blob-node.js";
import { decodeBlob } from "./decode-blob.js";

/**
 * One file at a ref (a sha, a branch; omitted = the default branch) over REST, null when the path
 * is absent there or is not a file. A plain GET waits for no throttle slot (a GraphQL query does),
 * so a handful of files read this way cost no throttled request. Files over 1 MB come without
 * content from the contents API: their bytes cost one more GET of the blob.
 */
export async function readFileAt(octokit: GitHubClient, target: { owner: string; repo: string; path: string; ref?: string }): Promise<BlobText | null> {
  const { owner, repo, path, ref } = target;
  let data: unknown;
  try {
    ({ data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path, ...(ref ? { ref } : {}) }));
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null;
    throw error;
  }
  if (Array.isArray(data) || data === null || typeof data !== "object") return null;
  const file = data as { type?: string; encoding?: string; content?: string; sha: string; size: number };
  if (file.type !== "file") return null;
  let bytes: Buffer;
  if (file.encoding === "base64" && typeof file.content === "string") bytes = Buffer.from(file.content, "base64");
  else {
    const blob = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { owner, repo, file_sha: file.sha });
    bytes = Buffer.from(blob.data.content, "base64");
  }
  return { path, oid: file.sha, byteSize: file.size, text: decodeBlob(bytes) };
}
