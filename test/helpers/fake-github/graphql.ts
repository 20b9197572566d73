import { createHash } from "node:crypto";
import { executeSync, Kind, type GraphQLFieldResolver } from "graphql";
import type { FakeGitHub } from "../fake-github.js";
import { checkGitHubGraphQL, gitHubSchema } from "../github-schema.js";
import type { FakeComment, FakeIssue, FakePull, FakeRepo } from "./state.js";

// Serves the subset of GitHub's GraphQL schema the app and its tests use, against the fake
// state: repository{object, ref, defaultBranchRef, pullRequest{comments, files, headRepository}},
// Commit{file(path:), parents}, viewer, and the createCommitOnBranch mutation (with
// expectedHeadOid compare-and-swap). Every document is first validated against GitHub's REAL
// schema (test/helpers/github-schema.ts), then executed by graphql-js over that schema, so both
// the app's queries and the fake's answers (nullability, enums, abstract types) are held to it.

export class GqlError extends Error {
  constructor(message: string, readonly type?: string) {
    super(message);
  }
}

type Obj = Record<string, unknown>;
interface GqlErrorEntry {
  type?: string;
  message: string;
  path?: readonly (string | number)[];
  locations?: readonly unknown[];
}

export function executeGraphql(gh: FakeGitHub, viewer: string, body: { query?: unknown; variables?: unknown; operationName?: unknown }): { data?: Obj | null; errors?: GqlErrorEntry[]; fields: string[] } {
  if (typeof body.query !== "string") return { errors: [{ message: "A query attribute must be specified and must be a string." }], fields: [] };
  const variables = (body.variables as Obj | undefined) ?? {};
  const operationName = typeof body.operationName === "string" ? body.operationName : undefined;
  const checked = checkGitHubGraphQL(body.query, variables, operationName);
  if (!checked.ok) {
    // GitHub answers an invalid document with HTTP 200 and only `errors`; recorded for the tests.
    gh.graphqlErrors.push({ query: body.query, variables, errors: checked.errors });
    return { errors: checked.errors, fields: [] };
  }
  const { document, operation } = checked;
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
  const rootValue = operation.operation === "mutation" ? mutationRoot(gh, viewer) : queryRoot(gh, viewer);
  const result = executeSync({ schema: gitHubSchema(), document, rootValue, variableValues: variables, operationName, fieldResolver: resolveField });
  const errors = (result.errors ?? []).map((error) => {
    // Only GqlErrors are GitHub's answers; anything else (a fake bug, a value the schema does not allow) must fail the test.
    if (!(error.originalError instanceof GqlError)) throw new Error(`fake-github: ${error.message} (at ${error.path?.join(".")})`);
    return { type: error.originalError.type, message: error.message, path: error.path, locations: error.locations };
  });
  const data = (result.data ?? null) as Obj | null;
  return errors.length > 0 ? { data, errors, fields } : { data, fields };
}

/** A fake object's property, called with the field's arguments when it is a function; a field the fake lacks is an error, never a silent null. */
const resolveField: GraphQLFieldResolver<unknown, unknown> = (source, args, _context, info) => {
  const raw = (source as Obj)[info.fieldName];
  if (raw === undefined) throw new Error(`fake-github does not implement ${info.parentType.name}.${info.fieldName}`);
  return typeof raw === "function" ? (raw as (args: Obj) => unknown)(args) : raw;
};

function queryRoot(gh: FakeGitHub, viewer: string): Obj {
  return {
    __typename: "Query",
    viewer: { __typename: "User", login: viewer },
    repository: ({ owner, name }: Obj) => repositoryObject(gh, viewer, findRepo(gh, `${owner}/${name}`)),
    rateLimit: { __typename: "RateLimit", cost: 1, remaining: 4999, limit: 5000 },
  };
}

function findRepo(gh: FakeGitHub, fullName: string): FakeRepo {
  const repo = gh.findRepo(fullName);
  if (!repo) throw new GqlError(`Could not resolve to a Repository with the name '${fullName}'.`, "NOT_FOUND");
  return repo;
}

function repositoryObject(gh: FakeGitHub, viewer: string, repo: FakeRepo): Obj {
  return {
    __typename: "Repository",
    id: repo.node_id,
    name: repo.name,
    nameWithOwner: repo.fullName,
    isPrivate: repo.private,
    owner: { __typename: "Organization", login: repo.owner },
    defaultBranchRef: () => refObject(gh, repo, `refs/heads/${repo.defaultBranch}`),
    ref: ({ qualifiedName }: Obj) => refObject(gh, repo, String(qualifiedName)),
    // object(oid:) is any git object (a blob too); object(expression:) is "rev" or "rev:path".
    object: ({ expression, oid }: Obj) => (oid && gh.store.blobs.has(String(oid)) ? blobObject(gh, String(oid)) : gitObject(gh, repo, oid ? String(oid) : String(expression))),
    // Repository.issues: newest first unless ordered; filterBy.createdBy is a login (bots as `slug[bot]`).
    issues: (args: Obj) => {
      const states = (args.states as string[] | undefined)?.map((x) => x.toLowerCase());
      const createdBy = (args.filterBy as Obj | undefined)?.createdBy as string | undefined;
      const order = args.orderBy as { field: string; direction: string } | undefined;
      const issues = [...repo.issues.values()].filter((i) => (!states || states.includes(i.state)) && (!createdBy || i.user.login === createdBy));
      const key = (i: FakeIssue) => (order?.field === "UPDATED_AT" ? i.updated_at : i.created_at) + String(i.number).padStart(9, "0");
      issues.sort((a, b) => (key(a) < key(b) ? -1 : 1));
      if (!order || order.direction === "DESC") issues.reverse();
      return connection(issues, args, (i) => issueObject(i));
    },
    pullRequests: (args: Obj) => {
      const states = (args.states as string[] | undefined) ?? ["OPEN", "CLOSED", "MERGED"];
      const state = (p: FakePull) => (p.merged ? "MERGED" : p.state.toUpperCase());
      const order = args.orderBy as { field: string; direction: string } | undefined;
      const pulls = [...repo.pulls.values()].filter((p) => states.includes(state(p))).sort((a, b) => a.number - b.number);
      if (order?.direction === "DESC") pulls.reverse();
      return connection(pulls, args, (p) => pullObject(gh, viewer, repo, p));
    },
    pullRequest: ({ number }: Obj) => {
      const pull = repo.pulls.get(Number(number));
      if (!pull) throw new GqlError(`Could not resolve to a PullRequest with the number of ${String(number)}.`, "NOT_FOUND");
      return pullObject(gh, viewer, repo, pull);
    },
  };
}

function refObject(gh: FakeGitHub, repo: FakeRepo, qualifiedName: string): Obj | null {
  const short = qualifiedName.replace(/^refs\//, "");
  const key = short.startsWith("heads/") || short.startsWith("tags/") ? short : `heads/${short}`;
  const sha = repo.refs.get(key);
  if (!sha) return null;
  return { __typename: "Ref", name: key.replace(/^(heads|tags)\//, ""), prefix: `refs/${key.split("/")[0]}/`, target: commitObject(gh, sha) };
}

function commitObject(gh: FakeGitHub, sha: string): Obj {
  const commit = gh.store.commit(sha);
  return {
    __typename: "Commit",
    oid: sha,
    message: commit.message,
    committedDate: commit.author.date,
    url: `https://github.com/commit/${sha}`,
    parents: (args: Obj) => connection(commit.parents, args, (parent) => commitObject(gh, parent)),
    // Commit.history(path:): the commits reachable from this one that changed `path`, newest first.
    history: (args: Obj) => connection(historyOf(gh, sha, args.path === undefined ? null : String(args.path)), args, (c) => commitObject(gh, c)),
    // Commit.file(path:): a TreeEntry of THIS commit (what an atomic "branch head + file" read needs)
    file: ({ path }: Obj) => {
      const blob = gitBlob(gh, sha, String(path));
      return blob ? { __typename: "TreeEntry", path: String(path), oid: blob.oid, object: blob } : null;
    },
  };
}

function historyOf(gh: FakeGitHub, sha: string, path: string | null): string[] {
  return gh.store
    .ancestors(sha)
    .filter((c) => {
      if (path === null) return true;
      const commit = gh.store.commit(c);
      const parent = commit.parents[0] ? gh.store.commit(commit.parents[0]).tree.get(path) : undefined;
      return commit.tree.get(path) !== parent && (commit.tree.has(path) || parent !== undefined);
    })
    .sort((a, b) => (gh.store.commit(b).author.date < gh.store.commit(a).author.date ? -1 : 1));
}

function issueObject(issue: FakeIssue): Obj {
  return {
    __typename: "Issue",
    id: issue.node_id,
    number: issue.number,
    title: issue.title,
    body: issue.body ?? "",
    state: issue.state.toUpperCase(),
    createdAt: issue.created_at,
    updatedAt: issue.updated_at,
    author: { __typename: issue.user.type === "Bot" ? "Bot" : "User", login: issue.user.login.replace(/\[bot\]$/, "") },
  };
}

function gitObject(gh: FakeGitHub, repo: FakeRepo, expression: string): Obj | null {
  const colon = expression.indexOf(":");
  const rev = colon >= 0 ? expression.slice(0, colon) : expression;
  const path = colon >= 0 ? expression.slice(colon + 1) : null;
  const sha = gh.resolveRev(repo, rev);
  if (!sha) return null;
  if (path === null) return commitObject(gh, sha);
  const blob = gitBlob(gh, sha, path);
  if (!blob) {
    const dir = path.replace(/\/?$/, "/");
    const isTree = path === "" || [...gh.store.commit(sha).tree.keys()].some((p) => p.startsWith(dir));
    return isTree ? { __typename: "Tree", oid: createHash("sha1").update(`tree ${sha}:${path}`).digest("hex") } : null;
  }
  return blob;
}

function gitBlob(gh: FakeGitHub, sha: string, path: string): Obj | null {
  const blobSha = gh.store.commit(sha).tree.get(path.replace(/^\.?\//, ""));
  return blobSha ? blobObject(gh, blobSha) : null;
}

function blobObject(gh: FakeGitHub, blobSha: string): Obj {
  const bytes = gh.store.blobs.get(blobSha) as Buffer;
  const isBinary = bytes.subarray(0, 8000).includes(0);
  const isTruncated = bytes.length > gh.graphqlBlobTextLimit;
  const text = isBinary ? null : bytes.subarray(0, isTruncated ? gh.graphqlBlobTextLimit : bytes.length).toString("utf8");
  return { __typename: "Blob", oid: blobSha, byteSize: bytes.length, isBinary, isTruncated, text };
}

function connection<T>(items: T[], args: Obj, map: (item: T) => Obj): Obj {
  const start = args.after ? Number(Buffer.from(String(args.after), "base64").toString()) + 1 : 0;
  const first = Math.min(Number(args.first ?? 100), 100);
  const page = items.slice(start, start + first);
  const end = start + page.length - 1;
  return {
    __typename: "Connection",
    totalCount: items.length,
    pageInfo: { __typename: "PageInfo", hasNextPage: end + 1 < items.length, endCursor: page.length ? Buffer.from(String(end)).toString("base64") : null },
    nodes: page.map(map),
  };
}

function pullObject(gh: FakeGitHub, viewer: string, repo: FakeRepo, pull: FakePull): Obj {
  const headSha = gh.pullHeadSha(repo, pull);
  return {
    __typename: "PullRequest",
    id: pull.node_id,
    number: pull.number,
    title: pull.title,
    body: pull.body ?? "",
    isDraft: pull.draft,
    state: pull.merged ? "MERGED" : pull.state.toUpperCase(),
    headRefName: pull.headRef,
    headRefOid: headSha,
    headRepository: gh.findRepo(pull.headRepo) ? { __typename: "Repository", nameWithOwner: pull.headRepo } : null,
    baseRefName: pull.baseRef,
    author: { __typename: "User", login: pull.user.login },
    comments: (args: Obj) =>
      connection(repo.comments.filter((c) => c.issue_number === pull.number), args, (c) => commentObject(viewer, c)),
    files: (args: Obj) =>
      connection(gh.pullFiles(repo, pull), args, (f) => ({
        __typename: "PullRequestChangedFile",
        path: f.filename,
        additions: f.additions,
        deletions: f.deletions,
        changeType: f.status === "removed" ? "DELETED" : f.status.toUpperCase(),
      })),
  };
}

function commentObject(viewer: string, comment: FakeComment): Obj {
  return {
    __typename: "IssueComment",
    id: comment.node_id,
    databaseId: comment.id,
    body: comment.body,
    author: { __typename: comment.user.type === "Bot" ? "Bot" : "User", login: comment.user.login.replace(/\[bot\]$/, "") },
    viewerDidAuthor: comment.user.login === viewer,
    createdAt: comment.created_at,
    updatedAt: comment.updated_at,
  };
}

function mutationRoot(gh: FakeGitHub, viewer: string): Obj {
  return {
    __typename: "Mutation",
    createCommitOnBranch: ({ input }: Obj) => {
      const { branch, expectedHeadOid, message, fileChanges } = (input ?? {}) as {
        branch?: { repositoryNameWithOwner?: string; branchName?: string };
        expectedHeadOid?: string;
        message?: { headline?: string; body?: string };
        fileChanges?: { additions?: { path: string; contents: string }[]; deletions?: { path: string }[] };
      };
      const repo = findRepo(gh, String(branch?.repositoryNameWithOwner));
      const name = String(branch?.branchName).replace(/^refs\/heads\//, "");
      const head = repo.refs.get(`heads/${name}`);
      if (!head) throw new GqlError(`Could not resolve to a Ref with the name 'refs/heads/${name}'.`, "NOT_FOUND");
      if (repo.protectedBranches.has(name)) {
        throw new GqlError(`Protected branch update failed for refs/heads/${name}: changes must be made through a pull request.`, "UNPROCESSABLE");
      }
      if (head !== expectedHeadOid) {
        throw new GqlError(`Expected branch to point to "${String(expectedHeadOid)}" but it did not. Pull and try again.`, "STALE_DATA");
      }
      const files: Record<string, Buffer | null> = {};
      for (const a of fileChanges?.additions ?? []) files[a.path] = Buffer.from(a.contents, "base64");
      for (const d of fileChanges?.deletions ?? []) files[d.path] = null;
      const text = [message?.headline ?? "", message?.body ?? ""].filter(Boolean).join("\n\n");
      const commit = gh.store.commitOnto(head, files, text);
      repo.refs.set(`heads/${name}`, commit.sha);
      gh.emit("commit", { repo: repo.fullName, branch: name, sha: commit.sha, by: viewer });
      return { __typename: "CreateCommitOnBranchPayload", commit: commitObject(gh, commit.sha), ref: refObject(gh, repo, `refs/heads/${name}`) };
    },
  };
}
