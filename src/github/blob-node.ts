import type { Octokit } from "@octokit/rest";
import { decodeBlob } from "./decode-blob.js";

/** The GraphQL selection every blob read uses (on `object(...)` or a `TreeEntry.object`). */
export const BLOB_FIELDS = "... on Blob { oid text isTruncated isBinary byteSize }";

export interface BlobNode {
  oid: string;
  text: string | null;
  isTruncated: boolean;
  isBinary: boolean | null;
  byteSize: number;
}

export interface BlobText {
  path: string;
  oid: string;
  /** null when the blob is binary or not UTF-8 */
  text: string | null;
  byteSize: number;
}

/**
 * The blob a GraphQL node holds, null when the node is absent or not a blob (a tree, a
 * submodule). GraphQL truncates large blobs: only those (and non-UTF-8 ones) cost one REST request.
 */
export async function toBlobText(
  octokit: Pick<Octokit, "request">,
  target: { owner: string; repo: string; path: string },
  node: unknown,
): Promise<BlobText | null> {
  if (node === null || typeof node !== "object" || !("oid" in node) || !("isBinary" in node)) return null;
  const blob = node as BlobNode;
  const { path } = target;
  if (blob.isBinary) return { path, oid: blob.oid, byteSize: blob.byteSize, text: null };
  // GraphQL's text is trusted only when it is exactly the blob's bytes as UTF-8: for a file that
  // is not valid UTF-8 it is a lossy decoding, and an edit written back would change every
  // non-ASCII byte. Such a blob is read over REST, whose strict decoding refuses it (text null).
  const exact = blob.text !== null && !blob.isTruncated && Buffer.byteLength(blob.text, "utf8") === blob.byteSize;
  if (exact) return { path, oid: blob.oid, byteSize: blob.byteSize, text: blob.text };
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { owner: target.owner, repo: target.repo, file_sha: blob.oid });
  return { path, oid: blob.oid, byteSize: blob.byteSize, text: decodeBlob(Buffer.from(data.content, "base64")) };
}
