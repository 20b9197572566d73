import type { FakeGitHub } from "../fake-github.js";
import type { FakeCheckRun, FakeComment, FakePull, FakeRepo, FakeUser } from "./state.js";

// REST representations of the fake state (the fields clients read, not every field GitHub sends).

export function userJson(user: FakeUser) {
  return { login: user.login, id: user.id, type: user.type, node_id: `U_${user.id}` };
}

export function repoJson(gh: FakeGitHub, repo: FakeRepo) {
  return {
    id: repo.id,
    node_id: repo.node_id,
    name: repo.name,
    full_name: repo.fullName,
    private: repo.private,
    owner: userJson(gh.user(repo.owner)),
    html_url: `https://github.com/${repo.fullName}`,
    default_branch: repo.defaultBranch,
    fork: repo.parent !== null,
  };
}

export function pullJson(gh: FakeGitHub, repo: FakeRepo, pull: FakePull) {
  const headRepo = gh.findRepo(pull.headRepo) ?? repo;
  const headSha = gh.pullHeadSha(repo, pull);
  return {
    id: pull.number * 1000 + repo.id,
    node_id: pull.node_id,
    number: pull.number,
    state: pull.state,
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    merged: pull.merged,
    merge_commit_sha: pull.merge_commit_sha,
    user: userJson(pull.user),
    html_url: `https://github.com/${repo.fullName}/pull/${pull.number}`,
    created_at: pull.created_at,
    head: { ref: pull.headRef, sha: headSha, label: `${headRepo.owner}:${pull.headRef}`, repo: repoJson(gh, headRepo), user: userJson(gh.user(headRepo.owner)) },
    base: { ref: pull.baseRef, sha: repo.refs.get(`heads/${pull.baseRef}`) ?? null, label: `${repo.owner}:${pull.baseRef}`, repo: repoJson(gh, repo), user: userJson(gh.user(repo.owner)) },
  };
}

export function commentJson(repo: FakeRepo, comment: FakeComment) {
  return {
    id: comment.id,
    node_id: comment.node_id,
    body: comment.body,
    user: userJson(comment.user),
    created_at: comment.created_at,
    updated_at: comment.updated_at,
    html_url: `https://github.com/${repo.fullName}/pull/${comment.issue_number}#issuecomment-${comment.id}`,
    issue_url: `https://api.github.com/repos/${repo.fullName}/issues/${comment.issue_number}`,
    author_association: "MEMBER",
  };
}

export function checkRunJson(repo: FakeRepo, run: FakeCheckRun) {
  return {
    id: run.id,
    name: run.name,
    head_sha: run.head_sha,
    status: run.status,
    conclusion: run.conclusion,
    started_at: run.started_at,
    completed_at: run.completed_at,
    external_id: run.external_id,
    details_url: run.details_url,
    html_url: `https://github.com/${repo.fullName}/runs/${run.id}`,
    output: { ...run.output, annotations_count: run.annotations.length, annotations_url: `https://api.github.com/repos/${repo.fullName}/check-runs/${run.id}/annotations` },
    app: run.app,
    pull_requests: [],
  };
}
