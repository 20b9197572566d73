import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { FakeGitHub } from "../helpers/fake-github.js";
import { isCreation, tokenOctokit } from "../../src/github/token-octokit.js";
import type { GitHubClient } from "../../src/github/client.js";

// The token-mode client's retry rules, against the fake GitHub over HTTP: a 5xx on a creation or
// a GraphQL mutation (it may have landed) is never re-sent; reads and updates are.

const REPO = "acme/app";
let gh: FakeGitHub;
let server: Awaited<ReturnType<FakeGitHub["listen"]>>;
let octokit: GitHubClient;

beforeEach(async () => {
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { "README.md": "hi\n" } });
  gh.commit(REPO, "topic", { "README.md": "hello\n" });
  gh.openPullRequest(REPO, { head: "topic" });
  server = await gh.listen();
  octokit = tokenOctokit({ token: gh.actionsToken(), apiUrl: `${server.url}/api/v3`, graphqlUrl: `${server.url}/api/graphql` });
});
afterEach(() => server.close());

const sent = (method: string, path: string) => gh.requests.filter((r) => r.method === method && r.path === path).length;
const MUTATION = `mutation commit($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;

describe("tokenOctokit", () => {
  it("never re-sends a comment creation that got a 5xx", async () => {
    gh.failNext("POST", /\/issues\/1\/comments$/, 502, { times: 3 });
    await expect(octokit.rest.issues.createComment({ owner: "acme", repo: "app", issue_number: 1, body: "hi" })).rejects.toMatchObject({ status: 502 });
    expect(sent("POST", "/repos/acme/app/issues/1/comments")).toBe(1);
  });

  it("never re-sends a compare-and-swap commit (GraphQL mutation) that got a 5xx", async () => {
    gh.failNext("POST", /^\/graphql$/, 502, { times: 3 });
    const input = { branch: { repositoryNameWithOwner: REPO, branchName: "topic" }, expectedHeadOid: gh.branchSha(REPO, "topic"), message: { headline: "x" }, fileChanges: { additions: [] } };
    await expect(octokit.graphql(MUTATION, { input })).rejects.toMatchObject({ status: 502 });
    expect(sent("POST", "/graphql")).toBe(1);
  });

  it("retries a read that got a 5xx (REST and a GraphQL query) at the GITHUB_GRAPHQL_URL", async () => {
    gh.failNext("GET", /\/pulls\/1$/, 502);
    const { data } = await octokit.rest.pulls.get({ owner: "acme", repo: "app", pull_number: 1 });
    expect(data.number).toBe(1);
    expect(sent("GET", "/repos/acme/app/pulls/1")).toBe(2);
    gh.failNext("POST", /^\/graphql$/, 502);
    const result = await octokit.graphql<{ repository: { name: string } }>(`query { repository(owner: "acme", name: "app") { name } }`);
    expect(result.repository.name).toBe("app");
    expect(sent("POST", "/graphql")).toBe(2);
  }, 15_000);

  it("tells creations from reads", () => {
    expect(isCreation("POST", "/repos/{owner}/{repo}/check-runs", undefined)).toBe(true);
    expect(isCreation("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", undefined)).toBe(false);
    expect(isCreation("POST", "/graphql", "# the commit\nmutation x { a }")).toBe(true);
    expect(isCreation("POST", "https://ghe.example/api/graphql", "query gather { a }")).toBe(false);
  });
});
