import type { ChangedFile } from "./list-pull-request-files.js";

/** Changed files listed in the same GraphQL request; a PR with more is listed with REST. */
export const GRAPHQL_FILES = 100;

/** What `pulls.get` + `pulls.listFiles` would say, read in the same GraphQL request. */
export interface PullDetails {
  number: number;
  state: "open" | "closed";
  headSha: string;
  headRef: string;
  /** "owner/name" of the head repository; null when the fork was deleted */
  headRepo: string | null;
  baseRef: string;
  title: string;
  body: string;
  draft: boolean;
  /** the changed files; null when there are more than `GRAPHQL_FILES` (list them with REST) */
  files: ChangedFile[] | null;
}

export interface PullNode {
  number: number;
  state: string;
  headRefOid: string;
  headRefName: string;
  headRepository: { nameWithOwner: string } | null;
  baseRefName: string;
  title: string;
  body: string | null;
  isDraft: boolean;
  files: { pageInfo: { hasNextPage: boolean }; nodes: { path: string; changeType: string }[] } | null;
}

/** The GraphQL selection on `pullRequest(number:)` that yields `PullDetails`. */
export const PULL_FIELDS = `number state headRefOid headRefName headRepository { nameWithOwner } baseRefName title body isDraft files(first: ${GRAPHQL_FILES}) { pageInfo { hasNextPage } nodes { path changeType } }`;

export function toPullDetails(node: PullNode): PullDetails {
  const files = node.files && !node.files.pageInfo.hasNextPage ? node.files.nodes.map(toChangedFile) : null;
  return {
    number: node.number,
    state: node.state === "OPEN" ? "open" : "closed",
    headSha: node.headRefOid,
    headRef: node.headRefName,
    headRepo: node.headRepository?.nameWithOwner ?? null,
    baseRef: node.baseRefName,
    title: node.title,
    body: node.body ?? "",
    draft: node.isDraft,
    files,
  };
}

/** GraphQL's PatchStatus (ADDED, DELETED, RENAMED, …) in REST's words (added, removed, renamed, …). */
function toChangedFile(node: { path: string; changeType: string }): ChangedFile {
  return { path: node.path, status: node.changeType === "DELETED" ? "removed" : node.changeType.toLowerCase(), previousPath: null };
}
