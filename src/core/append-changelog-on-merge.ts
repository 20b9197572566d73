import type { Config } from "../config/schema.js";
import { recordMergeInPlan } from "../edit/record-merge-in-plan.js";
import { renderChangelogChange } from "../edit/render-changelog-change.js";
import { commitFileChanges } from "../github/commit-files.js";
import { openPullRequestWithChange } from "../github/open-pull-request-with-change.js";
import type { GitHubClient } from "../github/client.js";
import { gatherPullRequestContext } from "../github/gather-pull-request-context.js";
import { listPullRequestFiles, type ChangedFile } from "../github/list-pull-request-files.js";
import { mergeBase } from "../github/merge-base.js";
import { readBranchFiles, type BranchRead } from "../github/read-branch-files.js";
import { commentOnceOnPull } from "../github/comment-once-on-pull.js";
import { planChangesInPr, type PlanChanges } from "./plan-changes-in-pr.js";
import { planPathsOfPull } from "./plan-paths-of-pull.js";

/** The fields of a `pull_request.closed` payload's pull_request this needs. */
export interface MergedPull {
  number: number;
  title: string;
  body: string | null;
  merged: boolean | null;
  merged_at: string | null;
  merged_by?: { login: string } | null;
  merge_commit_sha?: string | null;
  user: { login: string } | null;
  html_url?: string;
  base: { ref: string; sha: string };
  head: { sha: string };
}

/** Read with the configuration (`gatherPullRequestContext` with `include.pull` and `include.parentOf`). */
export interface MergeFacts {
  /** the PR's changed files; null when there were too many for that request */
  files: ChangedFile[] | null;
  /** the merge commit's first parent: the base branch just before the merge */
  mergeParent: string | null;
}

export type PlanNote = { path: string; result: "recorded" | "already-recorded" | "not-a-plan" | "missing" | "cannot-record"; reason?: string };

export type ChangelogOutcome =
  | { status: "skipped"; reason: string }
  | { status: "committed"; commitOid: string; plans: PlanNote[] }
  | { status: "unchanged"; plans: PlanNote[] }
  | { status: "proposed"; pull: { number: number; url: string }; plans: PlanNote[] }
  | { status: "failed"; reason: string; plans: PlanNote[] };

export const FALLBACK_MARKER = "<!-- plan-hygiene:changelog-fallback -->";

/**
 * On a merged PR: appends `| <merge date> | @<merged by> | <summary> |` to the Change Log of every
 * plan the PR touched or named, read at the base branch head, in ONE compare-and-swap commit
 * (re-read and recomputed when the branch moves; idempotent through the `#<pr>` token). When the
 * base branch cannot be pushed to, the same change goes to `plan-hygiene/changelog-<pr>` with a
 * PR, linked from a comment on the merged PR. Commits to the base branch fire `push`, never
 * `pull_request.closed`, so this cannot trigger itself.
 */
export async function appendChangelogOnMerge(
  octokit: GitHubClient,
  input: { owner: string; repo: string; pull: MergedPull; config: Config; facts?: MergeFacts; backoffMs?: number },
): Promise<ChangelogOutcome> {
  const { owner, repo, pull, config } = input;
  if (!pull.merged || !pull.merged_at) return { status: "skipped", reason: `#${pull.number} was closed without merging.` };
  if (!config.changelog.enabled) return { status: "skipped", reason: "changelog.enabled is false." };
  const facts = input.facts ?? (await readMergeFacts(octokit, owner, repo, pull));
  const files = facts.files ?? (await listPullRequestFiles(octokit, { owner, repo, number: pull.number })).files;
  const paths = planPathsOfPull({ owner, repo, pull, files }, config);
  if (paths.length === 0) return { status: "skipped", reason: `#${pull.number} touched and named no plan.` };

  const read = await readBaseAndChanges(octokit, owner, repo, pull, paths, facts.mergeParent);
  const changes = changesByPath(read, pull, paths);
  const login = pull.merged_by?.login ?? pull.user?.login ?? "ghost";
  let notes: PlanNote[] = [];
  const edit = (texts: Record<string, string | null>) => {
    notes = [];
    const out: Record<string, string> = {};
    for (const path of paths) {
      const text = texts[path];
      if (text === null) {
        notes.push({ path, result: "missing", reason: `${path} is not on ${pull.base.ref}.` });
        continue;
      }
      const facts = { pr: pull.number, title: pull.title, author: pull.user?.login ?? login, ...changes[path] };
      const row = { date: pull.merged_at!.slice(0, 10), author: `@${login}`, change: renderChangelogChange(config.changelog.template, facts) };
      const result = recordMergeInPlan(text, path, { pr: pull.number, row, completeStatus: config.changelog.completeStatus, maxFileSize: config.plans.maxFileSize, template: config.changelog.template });
      if (result.text === null) notes.push({ path, result: result.kind, reason: result.reason });
      else {
        out[path] = result.text;
        notes.push({ path, result: "recorded", reason: result.statusCompleted ? "Status set to Completed" : undefined });
      }
    }
    return Object.keys(out).length > 0 ? out : null;
  };
  const message = {
    headline: `Record #${pull.number} in the plan Change Log`,
    body: `Appended by plan-hygiene after #${pull.number} was merged.`,
  };
  const change = { owner, repo, paths, message, edit, requireExisting: false, backoffMs: input.backoffMs };
  const result = await commitFileChanges(octokit, { ...change, branch: pull.base.ref, firstRead: read });
  if (result.status === "committed") return { status: "committed", commitOid: result.commitOid, plans: notes };
  if (result.status === "unchanged") return { status: "unchanged", plans: notes };
  if (result.status !== "forbidden") return { status: "failed", reason: result.message, plans: notes };

  const branch = `plan-hygiene/changelog-${pull.number}`;
  const proposed = await openPullRequestWithChange(octokit, {
    ...change,
    base: pull.base.ref,
    branch,
    title: `Record #${pull.number} in the plan Change Log`,
    body: `plan-hygiene could not push to \`${pull.base.ref}\` (${result.message.split("\n")[0]}), so this PR adds the Change Log row for #${pull.number}. Merge it to keep the plan's history complete.`,
  });
  if (proposed.status === "declined") return { status: "skipped", reason: `A person closed ${proposed.pull.url} without merging it; not reopening.` };
  if (proposed.status !== "proposed") return { status: "failed", reason: proposed.message, plans: notes };
  await commentOnceOnPull(octokit, { owner, repo, issueNumber: pull.number, marker: FALLBACK_MARKER }, [
    `The plan Change Log could not be updated on \`${pull.base.ref}\` directly (the branch is protected or the app may not push to it).`,
    `${proposed.pull.url} adds the row for this PR — please review and merge it.`,
  ].join("\n\n"));
  return { status: "proposed", pull: proposed.pull, plans: notes };
}

/** What `gatherPullRequestContext` gives the handler with its configuration, for direct callers. */
async function readMergeFacts(octokit: GitHubClient, owner: string, repo: string, pull: MergedPull): Promise<MergeFacts> {
  const gathered = await gatherPullRequestContext(octokit, {
    owner,
    repo,
    headSha: pull.head.sha,
    paths: [],
    pullNumber: pull.number,
    include: { sticky: false, pull: true, parentOf: pull.merge_commit_sha ?? null },
  });
  return { files: gathered.pull?.files ?? null, mergeParent: gathered.parent };
}

/**
 * ONE query: the base branch head with the plans in that commit (the first compare-and-swap
 * read), plus each plan at the PR's merge base and head for what the PR did to it. The merge
 * base is that of the head and the base branch just before the merge (first parent of the
 * merge/squash commit) — what GitHub's "Files changed" is relative to; the payload's `base.sha`
 * is not that commit reliably and is only the fallback. The details are a nicety: when they
 * cannot be read (e.g. a deleted fork's head), the row is still written without them.
 */
async function readBaseAndChanges(octokit: GitHubClient, owner: string, repo: string, pull: MergedPull, paths: string[], mergeParent: string | null): Promise<BranchRead> {
  const target = { owner, repo, branch: pull.base.ref, paths };
  try {
    const base = mergeParent ? await mergeBase(octokit, { owner, repo, base: mergeParent, head: pull.head.sha }) : pull.base.sha;
    return await readBranchFiles(octokit, { ...target, also: paths.flatMap((path) => [{ rev: base, path }, { rev: pull.head.sha, path }]) });
  } catch {
    return readBranchFiles(octokit, target);
  }
}

/** Phases confirmed and Status change per plan, from its text at the PR's merge base and head; none when unread. */
function changesByPath(read: BranchRead, pull: MergedPull, paths: string[]): Record<string, PlanChanges> {
  return Object.fromEntries(paths.map((p, i) => [p, planChangesInPr(read.also[2 * i]?.text ?? null, read.also[2 * i + 1]?.text ?? null, p)]));
}
