import type { Octokit } from "@octokit/rest";

export type GitHubReader = Pick<Octokit, "graphql" | "request">;

export interface BranchFiles {
  /** the branch head commit oid, null when the branch does not exist */
  headOid: string | null;
  /** each requested path's text at that head, null when the file is absent, binary or not UTF-8 */
  texts: Record<string, string | null>;
}

interface BlobNode {
  oid: string;
  text: string | null;
  isTruncated: boolean;
  isBinary: boolean | null;
}

type ReadResponse = {
  repository: ({ ref: { target: { oid: string } | null } | null } & Record<string, BlobNode | null | unknown>) | null;
};

/**
 * Reads the head oid of `branch`, then the text of `paths` AT THAT OID (never `branch:path`, which
 * could resolve to a newer head than the oid and make a compare-and-swap clobber a concurrent
 * push). Reads from GraphQL because REST `git/ref` responses may be served from a 60 s cache.
 */
export async function readBranchFiles(
  octokit: GitHubReader,
  target: { owner: string; repo: string; branch: string; paths: readonly string[] },
): Promise<BranchFiles> {
  const { owner, repo, branch, paths } = target;
  const data = await octokit.graphql<ReadResponse>(
    `query readBranchHead($owner: String!, $repo: String!, $ref: String!) {
      repository(owner: $owner, name: $repo) { ref(qualifiedName: $ref) { target { oid } } }
    }`,
    { owner, repo, ref: `refs/heads/${branch}` },
  );
  const headOid = data.repository?.ref?.target?.oid ?? null;
  if (headOid === null) return { headOid, texts: Object.fromEntries(paths.map((p) => [p, null])) };
  return { headOid, texts: await readFilesAtCommit(octokit, { owner, repo, rev: headOid, paths }) };
}

/** The text of `paths` at commit (or other revision) `rev`; null for absent, binary or non-UTF-8 files. */
export async function readFilesAtCommit(
  octokit: GitHubReader,
  target: { owner: string; repo: string; rev: string; paths: readonly string[] },
): Promise<Record<string, string | null>> {
  const texts = await readFilesAtRevs(octokit, { owner: target.owner, repo: target.repo, reads: target.paths.map((path) => ({ rev: target.rev, path })) });
  return Object.fromEntries(target.paths.map((p, i) => [p, texts[i]]));
}

/**
 * Any number of `rev:path` texts in ONE GraphQL query (Probot's throttling spaces GraphQL
 * requests a second apart, so fewer queries is faster). Null for absent, binary or non-UTF-8.
 */
export async function readFilesAtRevs(
  octokit: GitHubReader,
  target: { owner: string; repo: string; reads: readonly { rev: string; path: string }[] },
): Promise<(string | null)[]> {
  const { owner, repo, reads } = target;
  if (reads.length === 0) return [];
  const fields = reads
    .map((_, i) => `f${i}: object(expression: $e${i}) { ... on Blob { oid text isTruncated isBinary } }`)
    .join("\n      ");
  const declared = reads.map((_, i) => `, $e${i}: String!`).join("");
  const query = `query readFilesAtCommit($owner: String!, $repo: String!${declared}) {
    repository(owner: $owner, name: $repo) {
      ${fields}
    }
  }`;
  const variables: Record<string, string> = { owner, repo };
  reads.forEach((r, i) => (variables[`e${i}`] = `${r.rev}:${r.path}`));
  const data = await octokit.graphql<ReadResponse>(query, variables);
  const texts: (string | null)[] = [];
  for (const i of reads.keys()) {
    const blob = (data.repository?.[`f${i}`] ?? null) as BlobNode | null;
    texts.push(blob === null || typeof blob !== "object" || !("isBinary" in blob) ? null : await blobText(octokit, owner, repo, blob));
  }
  return texts;
}

async function blobText(octokit: GitHubReader, owner: string, repo: string, blob: BlobNode): Promise<string | null> {
  if (blob.isBinary) return null;
  if (blob.text !== null && !blob.isTruncated) return blob.text;
  // GraphQL truncates large blobs; the REST blob endpoint returns the full bytes (base64).
  const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/blobs/{file_sha}", { owner, repo, file_sha: blob.oid });
  const bytes = Buffer.from(data.content, "base64");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}
