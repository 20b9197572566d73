import type { Octokit } from "@octokit/rest";
import { BLOB_FIELDS, toBlobText, type BlobText } from "./blob-node.js";

export type GitHubReader = Pick<Octokit, "graphql" | "request">;

export interface BranchFiles {
  /** the branch head commit oid, null when the branch does not exist */
  headOid: string | null;
  /** each requested path's text at that head, null when the file is absent, binary or not UTF-8 */
  texts: Record<string, string | null>;
}

export interface BranchRead extends BranchFiles {
  /** the requested paths present at the head, with their blob oids */
  blobs: Map<string, BlobText>;
  /** the `also` reads, in order (null = absent, binary or not UTF-8, or the revision is unknown) */
  also: (BlobText | null)[];
}

type Data = {
  repository: ({ ref: { target: ({ oid: string } & Record<string, unknown>) | null } | null } & Record<string, unknown>) | null;
};

/**
 * ONE GraphQL query: the head commit of `branch` and the text of `paths` IN THAT COMMIT
 * (`Commit.file(path:)` on the ref's target — never `branch:path`, which may resolve to a newer
 * head than the oid and make a compare-and-swap clobber a concurrent push), plus any other
 * `rev:path` texts (`also`). GraphQL, because REST `git/ref` answers may be up to 60 s stale.
 */
export async function readBranchFiles(
  octokit: GitHubReader,
  target: { owner: string; repo: string; branch: string | null; paths: readonly string[]; also?: readonly { rev: string; path: string }[] },
): Promise<BranchRead> {
  const { owner, repo, branch, paths, also = [] } = target;
  const declared = ["$owner: String!", "$repo: String!"];
  const variables: Record<string, unknown> = { owner, repo };
  const variable = (name: string, value: string) => {
    declared.push(`$${name}: String!`);
    variables[name] = value;
    return `$${name}`;
  };
  const fields: string[] = [];
  if (branch !== null) {
    const files = paths.map((path, i) => `f${i}: file(path: ${variable(`p${i}`, path)}) { object { ${BLOB_FIELDS} } }`).join(" ");
    fields.push(`ref(qualifiedName: ${variable("ref", `refs/heads/${branch}`)}) { target { ... on Commit { oid ${files} } } }`);
  }
  also.forEach((read, i) => fields.push(`a${i}: object(expression: ${variable(`e${i}`, `${read.rev}:${read.path}`)}) { ${BLOB_FIELDS} }`));
  if (fields.length === 0) return { headOid: null, texts: {}, blobs: new Map(), also: [] };
  const data = await octokit.graphql<Data>(`query readBranchFiles(${declared.join(", ")}) {\n  repository(owner: $owner, name: $repo) {\n    ${fields.join("\n    ")}\n  }\n}`, variables);

  const commit = data.repository?.ref?.target ?? null;
  const headOid = commit?.oid ?? null;
  const blobs = new Map<string, BlobText>();
  const texts: Record<string, string | null> = {};
  for (const [i, path] of paths.entries()) {
    const blob = commit ? await toBlobText(octokit, { owner, repo, path }, (commit[`f${i}`] as { object?: unknown } | null)?.object) : null;
    if (blob) blobs.set(path, blob);
    texts[path] = blob?.text ?? null;
  }
  const read: (BlobText | null)[] = [];
  for (const [i, { path }] of also.entries()) read.push(await toBlobText(octokit, { owner, repo, path }, data.repository?.[`a${i}`]));
  return { headOid, texts, blobs, also: read };
}
