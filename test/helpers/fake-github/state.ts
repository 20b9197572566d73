// The in-memory state of the fake GitHub. Tests set it up through FakeGitHub's helpers and
// inspect it afterwards; route handlers read and mutate it like GitHub would.

export type Role = "admin" | "maintain" | "write" | "triage" | "read";

export interface FakeUser {
  login: string;
  id: number;
  type: "User" | "Bot";
}

export interface FakeReaction {
  id: number;
  content: string;
  user: FakeUser;
}

export interface FakeComment {
  id: number;
  node_id: string;
  issue_number: number;
  body: string;
  user: FakeUser;
  created_at: string;
  updated_at: string;
  reactions: FakeReaction[];
}

export interface FakePull {
  number: number;
  node_id: string;
  title: string;
  body: string | null;
  draft: boolean;
  state: "open" | "closed";
  merged: boolean;
  merge_commit_sha: string | null;
  user: FakeUser;
  /** the repository that holds the head branch ("owner/name"); differs from the base repo for forks */
  headRepo: string;
  headRef: string;
  baseRef: string;
  /** the head sha, resolved from headRepo/headRef while the PR is open */
  headShaAtClose: string | null;
  /** cap GitHub applies to the files list */
  created_at: string;
}

export interface FakeIssue {
  number: number;
  node_id: string;
  title: string;
  body: string | null;
  state: "open" | "closed";
  user: FakeUser;
  created_at: string;
  updated_at: string;
  /** every PATCH body, in order */
  history: Record<string, unknown>[];
}

export interface FakeAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  external_id: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: FakeAnnotation[];
  app: { id: number; slug: string };
  /** every create/update body, in order */
  history: Record<string, unknown>[];
}

export interface FakeRepo {
  id: number;
  node_id: string;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
  defaultBranch: string;
  /** "heads/main" → sha, "tags/v1" → sha */
  refs: Map<string, string>;
  protectedBranches: Set<string>;
  collaborators: Map<string, Role>;
  pulls: Map<number, FakePull>;
  /** issues (not pull requests); numbers are shared with pulls, as on GitHub */
  issues: Map<number, FakeIssue>;
  comments: FakeComment[];
  checkRuns: FakeCheckRun[];
  nextNumber: number;
  /** set for forks: the parent "owner/name" */
  parent: string | null;
}

export interface LoggedRequest {
  method: string;
  /** path without the API prefix and query, e.g. /repos/o/r/pulls/1/files */
  path: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** who made the request: "app" (JWT), the login of a token's owner, or "anonymous" */
  as: string;
  /** for POST /graphql: the operation's first field names, e.g. ["repository"] or ["createCommitOnBranch"] */
  graphqlFields?: string[];
}
