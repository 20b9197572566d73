import { createRequire } from "node:module";
import type { FakeGitHub } from "./fake-github.js";

// Real webhook payloads from @octokit/webhooks-examples, adapted to the fake GitHub's state
// (repository, PR number, shas, body, sender), so handlers see what GitHub would send.

const require = createRequire(import.meta.url);
const definitions = require("@octokit/webhooks-examples") as { name: string; examples: Record<string, any>[] }[];

export const INSTALLATION_ID = 4242;

/** A deep copy of the first example of `name` with `action`. */
export function examplePayload(name: string, action?: string): Record<string, any> {
  const example = definitions.find((d) => d.name === name)?.examples.find((e) => action === undefined || e.action === action);
  if (!example) throw new Error(`@octokit/webhooks-examples has no ${name}${action ? `.${action}` : ""} example`);
  return structuredClone(example);
}

export function hasExample(name: string, action: string): boolean {
  return definitions.some((d) => d.name === name && d.examples.some((e) => e.action === action));
}

export function repositoryPayload(gh: FakeGitHub, fullName: string): Record<string, any> {
  const repo = gh.repo(fullName);
  const base = examplePayload("pull_request", "opened").repository;
  return {
    ...base,
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: { ...base.owner, login: repo.owner, type: "Organization" },
    html_url: `https://github.com/${repo.fullName}`,
    url: `https://api.github.com/repos/${repo.fullName}`,
    default_branch: repo.defaultBranch,
  };
}

function sender(login: string): Record<string, any> {
  return { ...examplePayload("pull_request", "opened").sender, login, type: login.endsWith("[bot]") ? "Bot" : "User" };
}

/** pull_request.<action> for PR `number` as it is now in the fake. */
export function pullRequestPayload(gh: FakeGitHub, fullName: string, number: number, action: string, options: { sender?: string; changes?: Record<string, unknown> } = {}): Record<string, any> {
  // Some actions (edited, synchronize) have no example of their own: adapt "opened".
  const payload = hasExample("pull_request", action) ? examplePayload("pull_request", action) : { ...examplePayload("pull_request", "opened"), action };
  const repo = gh.repo(fullName);
  const pull = repo.pulls.get(number);
  if (!pull) throw new Error(`no PR #${number}`);
  const repository = repositoryPayload(gh, fullName);
  const headRepository = pull.headRepo === fullName ? repository : repositoryPayload(gh, pull.headRepo);
  payload.number = number;
  payload.repository = repository;
  payload.installation = { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  payload.sender = sender(options.sender ?? pull.user.login);
  if (options.changes) payload.changes = options.changes;
  payload.pull_request = {
    ...payload.pull_request,
    number,
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    state: pull.state,
    merged: pull.merged,
    user: { ...payload.pull_request.user, login: pull.user.login },
    html_url: `https://github.com/${fullName}/pull/${number}`,
    head: { ...payload.pull_request.head, ref: pull.headRef, sha: gh.pullHeadSha(repo, pull), label: `${headRepository.owner.login}:${pull.headRef}`, repo: headRepository },
    base: { ...payload.pull_request.base, ref: pull.baseRef, sha: repo.refs.get(`heads/${pull.baseRef}`), label: `${repo.owner}:${pull.baseRef}`, repo: repository },
  };
  payload.pull_request.updated_at = nextUpdatedAt(gh, fullName, number);
  return payload;
}

// GitHub's `updated_at` (whole seconds) moves with every event on a PR; payloads built one after
// another carry later times, at least one second apart, as events on one PR are in real use.
const lastUpdatedAt = new WeakMap<FakeGitHub, Map<string, number>>();
function nextUpdatedAt(gh: FakeGitHub, fullName: string, number: number): string {
  const perPull = lastUpdatedAt.get(gh) ?? new Map<string, number>();
  lastUpdatedAt.set(gh, perPull);
  const key = `${fullName}#${number}`;
  const seconds = Math.max(Math.floor(Date.now() / 1000), (perPull.get(key) ?? 0) + 1);
  perPull.set(key, seconds);
  return new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** check_run.rerequested (or another action) for our check run on `headSha`. */
export function checkRunPayload(gh: FakeGitHub, fullName: string, headSha: string, options: { name?: string; pullNumbers?: number[]; action?: string; sender?: string } = {}): Record<string, any> {
  const payload = examplePayload("check_run", options.action ?? "rerequested");
  payload.repository = repositoryPayload(gh, fullName);
  payload.installation = { id: INSTALLATION_ID };
  payload.sender = sender(options.sender ?? "octocat");
  payload.check_run = {
    ...payload.check_run,
    name: options.name ?? "Plan hygiene",
    head_sha: headSha,
    app: { ...payload.check_run.app, id: gh.appId, slug: gh.appSlug },
    pull_requests: (options.pullNumbers ?? []).map((number) => ({ number, id: number, head: { sha: headSha }, base: { ref: "main" } })),
  };
  return payload;
}

export function checkSuitePayload(gh: FakeGitHub, fullName: string, headSha: string, options: { pullNumbers?: number[]; sender?: string } = {}): Record<string, any> {
  const payload = examplePayload("check_suite", "rerequested");
  payload.repository = repositoryPayload(gh, fullName);
  payload.installation = { id: INSTALLATION_ID };
  payload.sender = sender(options.sender ?? "octocat");
  payload.check_suite = {
    ...payload.check_suite,
    head_sha: headSha,
    pull_requests: (options.pullNumbers ?? []).map((number) => ({ number, id: number, head: { sha: headSha }, base: { ref: "main" } })),
  };
  return payload;
}

export function mergeGroupPayload(gh: FakeGitHub, fullName: string, headSha: string, baseSha: string): Record<string, any> {
  const payload = examplePayload("merge_group", "checks_requested");
  payload.repository = repositoryPayload(gh, fullName);
  payload.installation = { id: INSTALLATION_ID };
  payload.merge_group = { ...payload.merge_group, head_sha: headSha, base_sha: baseSha, head_commit: { ...payload.merge_group.head_commit, id: headSha } };
  return payload;
}

/** issue_comment.<action> on PR `number` by `login`. */
export function issueCommentPayload(gh: FakeGitHub, fullName: string, number: number, comment: { id: number; body: string; login: string }, action = "created"): Record<string, any> {
  const payload = examplePayload("issue_comment", action);
  payload.repository = repositoryPayload(gh, fullName);
  payload.installation = { id: INSTALLATION_ID };
  payload.sender = sender(comment.login);
  payload.issue = { ...payload.issue, number, pull_request: { url: `https://api.github.com/repos/${fullName}/pulls/${number}` } };
  payload.comment = { ...payload.comment, id: comment.id, body: comment.body, user: sender(comment.login) };
  return payload;
}

/**
 * push to `branch` (default: the default branch) from `before` to its current head, as GitHub
 * sends it: one entry per commit (oldest first) with that commit's added/removed/modified paths.
 * Adapted from the branch-push example of @octokit/webhooks-examples (push repositories carry
 * `master_branch`, and an owner with name/email).
 */
export function pushPayload(gh: FakeGitHub, fullName: string, before: string, options: { branch?: string; sender?: string } = {}): Record<string, any> {
  const definition = definitions.find((d) => d.name === "push");
  const example = definition?.examples.find((e) => String(e.ref).startsWith("refs/heads/") && e.commits.length > 0);
  if (!example) throw new Error("@octokit/webhooks-examples has no branch push example");
  const payload = structuredClone(example);
  const repo = gh.repo(fullName);
  const branch = options.branch ?? repo.defaultBranch;
  const after = gh.branchSha(fullName, branch) as string;
  const chain: string[] = [];
  for (let sha: string | undefined = after; sha && sha !== before; sha = gh.store.commit(sha).parents[0]) chain.unshift(sha);
  const template = example.commits[0];
  const commits = chain.map((sha) => {
    const commit = gh.store.commit(sha);
    const changes = gh.store.diff(commit.parents[0] ?? null, sha);
    const paths = (statuses: string[]) => changes.filter((c) => statuses.includes(c.status)).map((c) => c.filename);
    return {
      ...template,
      id: sha,
      tree_id: gh.store.treeShaOf(commit),
      message: commit.message,
      timestamp: commit.author.date,
      url: `https://github.com/${fullName}/commit/${sha}`,
      added: paths(["added", "renamed"]),
      removed: [...paths(["removed"]), ...changes.flatMap((c) => (c.previous_filename ? [c.previous_filename] : []))],
      modified: paths(["modified"]),
    };
  });
  const repository = repositoryPayload(gh, fullName);
  payload.ref = `refs/heads/${branch}`;
  payload.before = before;
  payload.after = after;
  payload.created = false;
  payload.deleted = false;
  payload.forced = false;
  payload.compare = `https://github.com/${fullName}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`;
  payload.commits = commits;
  payload.head_commit = commits[commits.length - 1] ?? null;
  payload.repository = { ...payload.repository, ...repository, owner: { ...payload.repository.owner, login: repo.owner, name: repo.owner }, master_branch: repo.defaultBranch };
  payload.installation = { id: INSTALLATION_ID, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDI0Mg==" };
  payload.sender = sender(options.sender ?? "alice");
  payload.pusher = { name: options.sender ?? "alice", email: `${options.sender ?? "alice"}@example.com` };
  return payload;
}
