import type { GitHubClient } from "./client.js";
import { BLOB_FIELDS, toBlobText, type BlobText } from "./blob-node.js";
import { PULL_FIELDS, toPullDetails, type PullDetails, type PullNode } from "./pull-details.js";
import { STICKY_MARKER } from "../report/sticky-comment.js";

export type { BlobText } from "./blob-node.js";
export type { PullDetails } from "./pull-details.js";

/** The file Probot's `context.config("plan-hygiene.yml")` reads. */
export const CONFIG_PATH = ".github/plan-hygiene.yml";

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
  /** the app's sticky comment on the PR, when one exists (null also when there is no PR or it was not asked for) */
  sticky: StickyComment | null;
  /** with `include.pull` */
  pull: PullDetails | null;
  /** with `include.parentOf`: that commit's first parent */
  parent: string | null;
}

interface CommentNode {
  databaseId: number;
  body: string;
  viewerDidAuthor: boolean;
  author: { __typename: string } | null;
}
type Data = {
  repository: (Record<string, unknown> & {
    pullRequest?: (Partial<PullNode> & { comments?: { pageInfo: { hasNextPage: boolean }; nodes: CommentNode[] } }) | null;
    parentOf?: { parents?: { nodes: { oid: string }[] } } | null;
  }) | null;
  org: { config: unknown } | null;
};

const COMMENT_FIELDS = "comments(first: 100) { pageInfo { hasNextPage } nodes { databaseId body viewerDidAuthor author { __typename } } }";

/**
 * ONE GraphQL request for everything a handler needs besides the file list: the text of every
 * candidate plan at `headSha` (aliased `object(expression:)` lookups), the configuration files
 * (repository default branch, then the owner's `.github` repository), the PR's comments to find
 * the sticky one (`include.sticky`, default on with a PR number), and on request what
 * `pulls.get` + `pulls.listFiles` would say (`include.pull`) and a commit's first parent
 * (`include.parentOf`, e.g. a merge commit's). Only blobs GraphQL truncates cost one REST request each.
 */
export async function gatherPullRequestContext(
  octokit: GitHubClient,
  target: {
    owner: string;
    repo: string;
    headSha: string;
    paths: readonly string[];
    pullNumber: number | null;
    include?: { sticky?: boolean; pull?: boolean; parentOf?: string | null };
    /** the configuration file's path (default `.github/plan-hygiene.yml`; the Action's `config` input) */
    configPath?: string;
  },
): Promise<PullRequestContext> {
  const { owner, repo, headSha, paths, pullNumber } = target;
  const configPath = target.configPath ?? CONFIG_PATH;
  const wantSticky = pullNumber !== null && (target.include?.sticky ?? true);
  const wantPull = pullNumber !== null && (target.include?.pull ?? false);
  const parentOf = target.include?.parentOf ?? null;
  const variables: Record<string, unknown> = { owner, repo, config: `HEAD:${configPath}` };
  const declared = ["$owner: String!", "$repo: String!", "$config: String!"];
  const fields = paths.map((path, i) => {
    variables[`e${i}`] = `${headSha}:${path}`;
    declared.push(`$e${i}: String!`);
    return `b${i}: object(expression: $e${i}) { ${BLOB_FIELDS} }`;
  });
  if (wantSticky || wantPull) {
    variables.number = pullNumber;
    declared.push("$number: Int!");
    fields.push(`pullRequest(number: $number) { ${[wantPull ? PULL_FIELDS : "", wantSticky ? COMMENT_FIELDS : ""].join(" ").trim()} }`);
  }
  if (parentOf !== null) {
    variables.parentOf = parentOf;
    declared.push("$parentOf: GitObjectID!");
    fields.push("parentOf: object(oid: $parentOf) { ... on Commit { parents(first: 1) { nodes { oid } } } }");
  }
  const query = `query gatherPullRequestContext(${declared.join(", ")}) {
  repository(owner: $owner, name: $repo) {
    config: object(expression: $config) { ${BLOB_FIELDS} }
    ${fields.join("\n    ")}
  }
  org: repository(owner: $owner, name: ".github") { config: object(expression: $config) { ${BLOB_FIELDS} } }
}`;
  const data = await graphqlAllowingMissing<Data>(octokit, query, variables, ["org"]);
  if (!data.repository) throw new Error(`Repository ${owner}/${repo} was not found (or the app cannot read it).`);

  const blobs = new Map<string, BlobText>();
  for (const [i, path] of paths.entries()) {
    const blob = await toBlobText(octokit, { owner, repo, path }, data.repository[`b${i}`]);
    if (blob) blobs.set(path, blob);
  }
  const configText = async (node: unknown, configRepo: string): Promise<ConfigFile | null> => {
    const blob = await toBlobText(octokit, { owner, repo: configRepo, path: configPath }, node);
    return blob ? { source: `${owner}/${configRepo}:${configPath}`, owner, repo: configRepo, path: configPath, text: blob.text ?? "" } : null;
  };

  const pullNode = data.repository.pullRequest ?? null;
  const comments = pullNode?.comments;
  let sticky = (comments?.nodes ?? []).find(isSticky) ?? null;
  if (!sticky && comments?.pageInfo.hasNextPage && pullNumber !== null) sticky = await findStickyByRest(octokit, owner, repo, pullNumber);
  return {
    blobs,
    config: { repo: await configText(data.repository.config, repo), org: await configText(data.org?.config, ".github") },
    sticky: sticky ? { id: sticky.databaseId, body: sticky.body } : null,
    pull: wantPull && pullNode ? toPullDetails(pullNode as PullNode) : null,
    parent: data.repository.parentOf?.parents?.nodes[0]?.oid ?? null,
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
