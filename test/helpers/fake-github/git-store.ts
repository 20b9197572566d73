import { createHash } from "node:crypto";
import { unifiedDiff } from "./unified-diff.js";

// A tiny content-addressed git object store: blobs and commits with flat trees (path → blob sha).
// Blob shas are real git blob shas, so tests can compare them with `git hash-object`.

export interface FakeCommit {
  sha: string;
  /** path → blob sha */
  tree: Map<string, string>;
  parents: string[];
  message: string;
  author: { name: string; email: string; date: string };
}

export interface FileChange {
  filename: string;
  status: "added" | "modified" | "removed" | "renamed";
  previous_filename?: string;
  sha: string;
  additions: number;
  deletions: number;
  changes: number;
  /** the unified-diff hunks of a text file (absent for binary files and unchanged renames, as on GitHub) */
  patch?: string;
}

export class GitStore {
  readonly blobs = new Map<string, Buffer>();
  readonly commits = new Map<string, FakeCommit>();
  /** tree sha → flat tree, for the git/trees endpoints */
  readonly trees = new Map<string, Map<string, string>>();
  /** the next commit's date (ms; each commit moves it one minute on): set it to date commits, e.g. recent ones for `stale-plan` */
  clock = Date.parse("2026-01-01T00:00:00Z");

  putBlob(content: string | Buffer): string {
    const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    const sha = createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
    this.blobs.set(sha, bytes);
    return sha;
  }

  putTree(tree: Map<string, string>): string {
    const listing = [...tree.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([p, s]) => `${p}\0${s}`).join("\n");
    const sha = createHash("sha1").update(`tree ${listing}`).digest("hex");
    this.trees.set(sha, new Map(tree));
    return sha;
  }

  treeShaOf(commit: FakeCommit): string {
    return this.putTree(commit.tree);
  }

  putCommit(tree: Map<string, string>, parents: string[], message: string, author = { name: "Mona", email: "mona@example.com" }): FakeCommit {
    this.clock += 60_000;
    const date = new Date(this.clock).toISOString();
    const treeSha = this.putTree(tree);
    const sha = createHash("sha1").update(`commit ${treeSha} ${parents.join(",")} ${message} ${date} ${this.commits.size}`).digest("hex");
    const commit: FakeCommit = { sha, tree: new Map(tree), parents, message, author: { ...author, date } };
    this.commits.set(sha, commit);
    return commit;
  }

  /** A new commit on top of `parent` applying `files` (null deletes). */
  commitOnto(parent: string | null, files: Record<string, string | Buffer | null>, message: string): FakeCommit {
    const tree = new Map(parent ? this.commit(parent).tree : []);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) tree.delete(path);
      else tree.set(path, this.putBlob(content));
    }
    return this.putCommit(tree, parent ? [parent] : [], message);
  }

  commit(sha: string): FakeCommit {
    const commit = this.commits.get(sha);
    if (!commit) throw new Error(`fake-github: no commit ${sha}`);
    return commit;
  }

  /** Every ancestor of `sha` (itself included), nearest first. */
  ancestors(sha: string): string[] {
    const seen: string[] = [];
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (seen.includes(next)) continue;
      seen.push(next);
      queue.push(...this.commit(next).parents);
    }
    return seen;
  }

  isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).includes(ancestor);
  }

  mergeBase(a: string, b: string): string | null {
    const ofB = new Set(this.ancestors(b));
    return this.ancestors(a).find((sha) => ofB.has(sha)) ?? null;
  }

  /** The file changes from `base` to `head`, in path order, with renames detected by identical blobs. */
  diff(base: string | null, head: string): FileChange[] {
    const before = base ? this.commit(base).tree : new Map<string, string>();
    const after = this.commit(head).tree;
    const removed = [...before.keys()].filter((p) => !after.has(p));
    const changes: FileChange[] = [];
    for (const [path, sha] of after) {
      const old = before.get(path);
      if (old === sha) continue;
      const lines = lineCount(this.blobs.get(sha));
      if (old !== undefined) {
        changes.push({ filename: path, status: "modified", sha, additions: lines, deletions: lineCount(this.blobs.get(old)), changes: 0 });
        continue;
      }
      const renamedFrom = removed.find((p) => before.get(p) === sha);
      if (renamedFrom !== undefined) {
        removed.splice(removed.indexOf(renamedFrom), 1);
        changes.push({ filename: path, status: "renamed", previous_filename: renamedFrom, sha, additions: 0, deletions: 0, changes: 0 });
      } else {
        changes.push({ filename: path, status: "added", sha, additions: lines, deletions: 0, changes: 0 });
      }
    }
    for (const path of removed) {
      const sha = before.get(path) as string;
      changes.push({ filename: path, status: "removed", sha, additions: 0, deletions: lineCount(this.blobs.get(sha)), changes: 0 });
    }
    for (const change of changes) {
      change.changes = change.additions + change.deletions;
      const old = change.status === "added" ? "" : change.status === "removed" ? this.blobs.get(change.sha) : before.get(change.filename) ? this.blobs.get(before.get(change.filename) as string) : undefined;
      const now = change.status === "removed" ? "" : this.blobs.get(change.sha);
      if (change.status !== "renamed" && old !== undefined && now !== undefined && isText(old) && isText(now)) {
        const patch = unifiedDiff(old.toString(), now.toString());
        if (patch !== null) change.patch = patch;
      }
    }
    return changes.sort((a, b) => (a.filename < b.filename ? -1 : 1));
  }
}

function lineCount(bytes: Buffer | undefined): number {
  if (!bytes || bytes.length === 0) return 0;
  return bytes.toString("utf8").split("\n").length;
}

function isText(bytes: string | Buffer): boolean {
  return typeof bytes === "string" || (!bytes.includes(0) && Buffer.from(bytes.toString("utf8"), "utf8").equals(bytes));
}
