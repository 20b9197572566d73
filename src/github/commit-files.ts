import { classifyWriteError } from "./classify-write-error.js";
import { readBranchFiles, type BranchFiles, type GitHubReader } from "./read-branch-files.js";

export type CommitResult =
  | { status: "committed"; commitOid: string; attempts: number }
  /** nothing to do: `edit` returned null (or the same text) on the current head */
  | { status: "unchanged"; headOid: string }
  /** the branch kept moving for `maxAttempts` tries */
  | { status: "conflict"; message: string }
  /** protected branch, ruleset or missing permission: nothing was written */
  | { status: "forbidden"; message: string }
  /** the branch, or a requested file, does not exist */
  | { status: "missing"; message: string };

export interface CommitFilesOptions {
  owner: string;
  repo: string;
  branch: string;
  paths: readonly string[];
  message: { headline: string; body?: string };
  /**
   * Computes the new texts from the current ones (null = absent file). Return null (or only
   * unchanged texts) when there is nothing to do. Called again after every re-read, so it must
   * be idempotent: after a lost response it sees the already-written text and returns null.
   */
  edit: (texts: Record<string, string | null>, headOid: string) => Record<string, string> | null;
  /** require every path to exist (default true); otherwise `edit` sees null for absent files */
  requireExisting?: boolean;
  maxAttempts?: number;
  /** wait before re-reading after a 5xx/network failure (ms × attempt); 0 in tests */
  backoffMs?: number;
  /**
   * A read of `branch` (head oid + `paths` in that commit) the caller has just made: the first
   * attempt uses it instead of reading again. A stale one only costs a re-read (the write is
   * compare-and-swap on its `headOid`).
   */
  firstRead?: BranchFiles | null;
}

const MUTATION = `mutation commitFileChanges($input: CreateCommitOnBranchInput!) {
  createCommitOnBranch(input: $input) { commit { oid } }
}`;

/**
 * Compare-and-swap commit of one or more files on a branch with `createCommitOnBranch` and
 * `expectedHeadOid`: a moved branch is re-read and the edit recomputed (never clobbering a
 * concurrent push); a 5xx is never blindly resent — the branch is re-read and `edit` decides
 * whether the change already landed. Probot's retry plugin is disabled for the mutation. Each
 * attempt costs one GraphQL read (none for the first with `firstRead`) and one mutation.
 */
export async function commitFileChanges(octokit: GitHubReader, options: CommitFilesOptions): Promise<CommitResult> {
  const { owner, repo, branch, paths, message, edit, requireExisting = true, maxAttempts = 4, backoffMs = 500, firstRead = null } = options;
  let lastMessage = "";
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const { headOid, texts } = attempt === 1 && firstRead ? firstRead : await readBranchFiles(octokit, { owner, repo, branch, paths });
    if (headOid === null) return { status: "missing", message: `Branch ${branch} does not exist in ${owner}/${repo}.` };
    const absent = paths.filter((p) => (texts[p] ?? null) === null);
    if (requireExisting && absent.length > 0) {
      return { status: "missing", message: `${absent.join(", ")} not found (or not UTF-8 text) on ${branch} at ${headOid.slice(0, 7)}.` };
    }
    const next = edit(texts, headOid);
    const additions = Object.entries(next ?? {})
      .filter(([path, text]) => texts[path] !== text)
      .map(([path, text]) => ({ path, contents: Buffer.from(text, "utf8").toString("base64") }));
    if (additions.length === 0) return { status: "unchanged", headOid };
    try {
      const data = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(MUTATION, {
        input: {
          branch: { repositoryNameWithOwner: `${owner}/${repo}`, branchName: branch },
          expectedHeadOid: headOid,
          message,
          fileChanges: { additions },
        },
        // @octokit/plugin-retry reads `request.retries`; 0 = never resend this write.
        request: { retries: 0 },
      });
      return { status: "committed", commitOid: data.createCommitOnBranch.commit.oid, attempts: attempt };
    } catch (error) {
      const { kind, message: text } = classifyWriteError(error);
      lastMessage = text;
      if (kind === "forbidden") return { status: "forbidden", message: text };
      if (kind === "other") throw error;
      if (kind === "uncertain" && backoffMs > 0) await new Promise((r) => setTimeout(r, backoffMs * attempt));
      // stale or uncertain: loop → re-read; the edit sees our text if the write landed.
    }
  }
  return { status: "conflict", message: `${branch} kept changing (or GitHub kept failing) for ${maxAttempts} attempts: ${lastMessage}` };
}
