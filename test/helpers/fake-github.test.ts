import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { FakeGitHub } from "./fake-github.js";

// The fake must behave like GitHub for the clients we use: @octokit/rest over real HTTP and
// through the nock bridge, pagination, GraphQL partial errors, CAS commits, limits.

describe("FakeGitHub", () => {
  const gh = new FakeGitHub();
  let server: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let octokit: Octokit;

  beforeAll(async () => {
    gh.addRepo("acme/app", { files: { "README.md": "# app\n" } });
    const files: Record<string, string> = {};
    for (let i = 0; i < 130; i++) files[`src/f${i}.ts`] = `export const x${i} = ${i};\n`;
    gh.commit("acme/app", "feature", { ...files, "README.md": null });
    gh.openPullRequest("acme/app", { head: "feature", title: "Add files", body: "see plans/a.md" });
    server = await gh.listen();
    octokit = new Octokit({ baseUrl: `${server.url}/api/v3`, auth: "ghs_test" });
  });
  afterAll(async () => server.close());

  it("paginates pull request files with Link headers", async () => {
    const files = await octokit.paginate(octokit.rest.pulls.listFiles, { owner: "acme", repo: "app", pull_number: 1, per_page: 100 });
    expect(files).toHaveLength(131);
    expect(files.find((f) => f.filename === "README.md")?.status).toBe("removed");
  });

  it("answers aliased GraphQL object queries and reports NOT_FOUND with partial data", async () => {
    const head = gh.branchSha("acme/app", "feature") as string;
    const query = `query($e: String!) {
      repository(owner: "acme", name: "app") { a: object(expression: $e) { ... on Blob { text oid byteSize isTruncated } } missing: object(expression: "HEAD:nope.md") { ... on Blob { text } } }
      org: repository(owner: "acme", name: ".github") { object(expression: "HEAD:x") { __typename } }
    }`;
    const error = await octokit.graphql(query, { e: `${head}:src/f1.ts` }).then(
      () => { throw new Error("expected a NOT_FOUND error"); },
      (e: unknown) => e as { data: any; errors: any[] },
    );
    expect(error.errors[0].type).toBe("NOT_FOUND");
    expect(error.data.repository.a.text).toBe("export const x1 = 1;\n");
    expect(error.data.repository.missing).toBeNull();
    expect(error.data.org).toBeNull();
  });

  it("createCommitOnBranch is a compare-and-swap on expectedHeadOid", async () => {
    const head = gh.branchSha("acme/app", "feature") as string;
    const mutation = `mutation($input: CreateCommitOnBranchInput!) { createCommitOnBranch(input: $input) { commit { oid } } }`;
    const input = (expectedHeadOid: string) => ({
      input: {
        branch: { repositoryNameWithOwner: "acme/app", branchName: "feature" },
        expectedHeadOid,
        message: { headline: "edit" },
        fileChanges: { additions: [{ path: "plans/a.md", contents: Buffer.from("# A\n").toString("base64") }] },
      },
    });
    const ok = await octokit.graphql<{ createCommitOnBranch: { commit: { oid: string } } }>(mutation, input(head));
    expect(gh.branchSha("acme/app", "feature")).toBe(ok.createCommitOnBranch.commit.oid);
    expect(gh.fileAt("acme/app", "feature", "plans/a.md")?.toString()).toBe("# A\n");
    const stale = await octokit.graphql(mutation, input(head)).catch((e: { errors: { type: string }[] }) => e.errors[0]?.type);
    expect(stale).toBe("STALE_DATA");
  });

  it("enforces the check-run limits GitHub enforces", async () => {
    const head = gh.branchSha("acme/app", "feature") as string;
    const annotation = { path: "a.md", start_line: 1, end_line: 1, annotation_level: "warning" as const, message: "m" };
    const tooMany = { title: "t", summary: "s", annotations: Array.from({ length: 51 }, () => annotation) };
    await expect(octokit.rest.checks.create({ owner: "acme", repo: "app", name: "c", head_sha: head, output: tooMany })).rejects.toMatchObject({ status: 422 });
    // sent on purpose: GitHub's description caps annotations at 50; consumed here, or the afterEach check fails this test
    expect(gh.restErrors.splice(0).flatMap((r) => r.errors)).toEqual(["checks/create: /output/annotations must NOT have more than 50 items"]);
    const { data } = await octokit.rest.checks.create({ owner: "acme", repo: "app", name: "c", head_sha: head, status: "in_progress" });
    await octokit.rest.checks.update({ owner: "acme", repo: "app", check_run_id: data.id, status: "completed", conclusion: "success", output: { title: "t", summary: "s", annotations: [annotation] } });
    expect(gh.checkRuns("acme/app", head)[0]).toMatchObject({ status: "completed", conclusion: "success", annotations: [annotation] });
  });

  it("serves the same state in-process through nock", async () => {
    const stop = gh.interceptWithNock();
    try {
      const client = new Octokit({ auth: "ghs_x" });
      const { data } = await client.rest.pulls.get({ owner: "acme", repo: "app", pull_number: 1 });
      expect(data.head.sha).toBe(gh.branchSha("acme/app", "feature"));
      await client.rest.issues.createComment({ owner: "acme", repo: "app", issue_number: 1, body: "hi" });
      expect(gh.comments("acme/app", 1).map((c) => [c.body, c.user.login])).toEqual([["hi", "plan-hygiene[bot]"]]);
    } finally {
      stop();
    }
  });
});
