import type { GitHubClient } from "./client.js";
import { decodeBlob } from "./decode-blob.js";
import { STICKY_MARKER } from "../report/sticky-comment.js";

/** The file Probot's `context.config("plan-hygiene.yml")` reads. */
export const CONFIG_PATH = ".github/plan-hygiene.yml";

export interface BlobText {
  path: string;
  oid: string;
  /** null when the blob is binary or not UTF-8 */
  text: string | null;
  byteSize: number;
}

export interface ConfigFile {
  /** "owner/repo:path", for messages */
  source: string;
  owner: string;
  repo: string;
  path: string;
  text: string;
}

export interface StickyComment {
  id: number;
  body: string;
}

export interface PullRequestContext {
  /** path → blob at the head sha; absent key = the path does not exist there */
  blobs: Map<string, BlobText>;
  /** the repository's own config at its default branch, then the `<owner>/.github` repository's */
  config: { repo: ConfigFile | null; org: ConfigFile | null };
  /** the app's sticky comment on the PR, when one exists (null also when there is no PR) */
  sticky: StickyComment | null;
}

interface BlobNode {
  oid: string;
  text: string | null;
  isTruncated: boolean;
  isBinary: boolean | null;
  byteSize: number;
}
interface CommentNode {
  databaseId: number;
  body: string;
  viewerDidAuthor: boolean;
  author: { __typename: string } | null;
}
type Data = {
  repository: (Record<string, BlobNode | null> & {
    pullRequest?: { comments: { pageInfo: { hasNextPage: boolean }; nodes: CommentNode[] } } | null;
  }) | null;
  org: { config: BlobNode | null } | null;
};

const BLOB = "... on Blob { oid text isTruncated isBinary byteSize }";

/**
 * ONE GraphQL request for everything a check needs besides the file list: the text of every
 * candidate plan at `headSha` (aliased `object(expression:)` lookups), the configuration files
 * (repository default branch, then the owner's `.github` repository), and the PR's comments to
 * find the sticky one. Only blobs GraphQL truncates (large files) cost one REST request each.
 */
export async function gatherPullRequestContext(
  octokit: GitHubClient,
  target: { owner: string; repo: string; headSha: string; paths: readonly string[]; pullNumber: number | null },
): Promise<PullRequestContext> {
  const { owner, repo, headSha, paths, pullNumber } = target;
  const variables: Record<string, unknown> = { owner, repo, config: `HEAD:${CONFIG_PATH}` };
  const declared = ["$owner: String!", "$repo: String!", "$config: String!"];
  const fields = paths.map((path, i) => {
    variables[`e${i}`] = `${headSha}:${path}`;
    declared.push(`$e${i}: String!`);
    return `b${i}: object(expression: $e${i}) { ${BLOB} }`;
  });
  if (pullNumber !== null) {
    variables.number = pullNumber;
    declared.push("$number: Int!");
    fields.push(
      "pullRequest(number: $number) { comments(first: 100) { pageInfo { hasNextPage } nodes { databaseId body viewerDidAuthor author { __typename } } } }",
    );
  }
  const query = `query gatherPullRequestContext(${declared.join(", ")}) {
  repository(owner: $owner, name: $repo) {
    config: object(expression: $config) { ${BLOB} }
    ${fields.join("\n    ")}
  }
  org: repository(owner: $owner, name: ".github") { config: object(expression: $config) { ${BLOB} } }
}`;
  const data = await graphqlAllowingMissing<Data>(octokit, query, variables, ["org"]);
  if (!data.repository) throw new Error(`Repository ${owner}/${repo} was not found (or the app cannot read it).`);

  const blobs = new Map<string, BlobText>();
  for (const [i, path] of paths.entries()) {
    const node = data.repository[`b${i}`] as BlobNode | null | undefined;
    if (node && "oid" in node) blobs.set(path, { path, oid: node.oid, byteSize: node.byteSize, text: await blobText(octokit, owner, repo, node) });
  }
  const configText = async (node: BlobNode | null | undefined, configRepo: string) =>
    node && "oid" in node ? { source: `${owner}/${configRepo}:${CONFIG_PATH}`, owner, repo: configRepo, path: CONFIG_PATH, text: (await blobText(octokit, owner, configRepo, node)) ?? "" } : null;

  const comments = data.repository.pullRequest?.comments;
  let sticky = (comments?.nodes ?? []).find(isSticky) ?? null;
  if (!sticky && comments?.pageInfo.hasNextPage && pullNumber !== null) sticky = await findStickyByRest(octokit, owner, repo, pullNumber);
  return {
    blobs,
    config: { repo: await configText(data.repository.config as BlobNode | null, repo), org: await configText(data.org?.config, ".github") },
    sticky: sticky ? { id: sticky.databaseId, body: sticky.body } : null,
  };
}

function isSticky(comment: CommentNode): boolean {
  // Our own comment (or, where GitHub does not report viewerDidAuthor, a bot's) starting with the marker.
  return comment.body.startsWith(STICKY_MARKER) && (comment.viewerDidAuthor || comment.author?.__typename === "Bot");
}

/** PRs with more than 100 comments: page through them with REST (rare). */
async function findStickyByRest(octokit: GitHubClient, owner: string, repo: string, number: number): Promise<CommentNode | null> {
  const all = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number: number, per_page: 100 });
  const found = all.find((c) => (c.body ?? "").startsWith(STICKY_MARKER) && c.user?.type === "Bot");
  return found ? { databaseId: found.id, body: found.body ?? "", viewerDidAuthor: true, author: { __typename: "Bot" } } : null;
}

async function blobText(octokit: GitHubClient, owner: string, repo: string, node: BlobNode): Promise<string | null> {
  if (node.isBinary) return null;
  if (node.text !== null && !node.isTruncated) return node.text;
  // GraphQL truncates large blobs; the REST blob endpoint returns every byte (base64).
  const { data } = await octokit.rest.git.getBlob({ owner, repo, file_sha: node.oid });
  return decodeBlob(Buffer.from(data.content, "base64"));
}

/**
 * Runs a query; NOT_FOUND errors under the given top-level aliases (an optional repository
 * that does not exist) are expected and leave those fields null. Anything else is thrown.
 */
export async function graphqlAllowingMissing<T>(octokit: GitHubClient, query: string, variables: Record<string, unknown>, optional: string[]): Promise<T> {
  try {
    return await octokit.graphql<T>(query, variables);
  } catch (error) {
    const e = error as { errors?: { type?: string; path?: (string | number)[] }[]; data?: T };
    const expected = (e.errors ?? []).every((x) => x.type === "NOT_FOUND" && optional.includes(String(x.path?.[0])));
    if (e.errors && e.errors.length > 0 && expected && e.data) return e.data;
    throw error;
  }
}
