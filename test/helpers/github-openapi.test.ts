import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { FakeGitHub } from "./fake-github.js";
import { gitHubOperationId, validateGitHubRest } from "./github-openapi.js";
import type { TestProbot } from "./probot-harness.js";
import { runMainFlows, setUpFlows } from "./main-flows.js";

// GitHub's REST description in the fake: the validator on its own, the fake's answer to a request
// GitHub would reject, and every REST request the app sends in its three main flows.

const SHA = "4a3074a1b2c3d4e5f60718293a4b5c6d7e8f9012";
const ANNOTATION = { path: "docs/plans/a.md", start_line: 3, end_line: 3, annotation_level: "warning", message: "Unexpected open question", title: "open-questions" };
const CHECK_RUN = { name: "Plan hygiene", head_sha: SHA, status: "completed", conclusion: "failure", output: { title: "1 warning in 1 plan", summary: "Checked 1 plan", annotations: [ANNOTATION] } };

describe("validateGitHubRest", () => {
  it("accepts a valid check-run create, also under the GHES /api/v3 prefix", () => {
    expect(validateGitHubRest("POST", "/repos/acme/app/check-runs", {}, CHECK_RUN)).toEqual([]);
    expect(validateGitHubRest("POST", "/api/v3/repos/acme/app/check-runs", {}, CHECK_RUN)).toEqual([]);
  });

  it("matches GitHub's path templates, multi-segment parameters and the most specific template", () => {
    expect(gitHubOperationId("PATCH", "/repos/acme/app/check-runs/1004")).toBe("checks/update");
    expect(gitHubOperationId("GET", "/repos/acme/app/contents/docs/plans/a.md")).toBe("repos/get-content");
    expect(gitHubOperationId("GET", "/repos/acme/app/commits/feature/x/check-runs")).toBe("checks/list-for-ref");
    expect(gitHubOperationId("GET", "/repos/acme/app/pulls/comments")).toBe("pulls/list-review-comments-for-repo");
    expect(gitHubOperationId("GET", "/repos/acme/app/pulls/7")).toBe("pulls/get");
  });

  it("rejects an unknown path, and a method the path does not serve, as GitHub does (404)", () => {
    expect(validateGitHubRest("GET", "/repos/acme/app/check-run/1")).toEqual(["no such endpoint: GET /repos/acme/app/check-run/1"]);
    expect(validateGitHubRest("PUT", "/repos/acme/app/check-runs", {}, CHECK_RUN)).toEqual(["method not allowed: PUT /repos/acme/app/check-runs (GitHub serves POST there)"]);
  });

  it("rejects an annotation level GitHub does not know, naming the field and the allowed values", () => {
    const body = { ...CHECK_RUN, output: { ...CHECK_RUN.output, annotations: [{ ...ANNOTATION, annotation_level: "error" }] } };
    expect(validateGitHubRest("POST", "/repos/acme/app/check-runs", {}, body)).toEqual([
      'checks/create: /output/annotations/0/annotation_level must be equal to one of the allowed values (got "error"; allowed: notice, warning, failure)',
    ]);
  });

  it("rejects a summary over GitHub's 65535 characters", () => {
    const body = { ...CHECK_RUN, output: { ...CHECK_RUN.output, summary: "x".repeat(65536) } };
    expect(validateGitHubRest("PATCH", "/repos/acme/app/check-runs/1004", {}, body)).toEqual(["checks/update: /output/summary must NOT have more than 65535 characters"]);
  });

  it("rejects a missing required body field, and a field of the wrong type", () => {
    expect(validateGitHubRest("POST", "/repos/acme/app/issues/1/comments", {}, {})).toEqual(["issues/create-comment: / must have required property 'body'"]);
    expect(validateGitHubRest("POST", "/repos/acme/app/issues/1/comments", {}, null)).toEqual(["issues/create-comment: / must be object"]);
    expect(validateGitHubRest("POST", "/repos/acme/app/check-runs", {}, { ...CHECK_RUN, head_sha: 42 })).toEqual(["checks/create: /head_sha must be string"]);
  });

  it("checks path and query parameters' types and allowed values", () => {
    expect(validateGitHubRest("PATCH", "/repos/acme/app/check-runs/latest", {}, { status: "in_progress" })).toEqual(["checks/update: parameter check_run_id must be integer"]);
    expect(validateGitHubRest("GET", "/repos/acme/app/pulls/1/files", { per_page: "100", page: "2" })).toEqual([]);
    expect(validateGitHubRest("GET", "/repos/acme/app/pulls", { state: "merged" })).toEqual([
      'pulls/list: parameter state must be equal to one of the allowed values (got "merged"; allowed: open, closed, all)',
    ]);
  });
});

describe("the fake GitHub", () => {
  it("answers a request GitHub would reject like GitHub (422 Invalid request. / 404) and records it, for built-in and test-added routes", async () => {
    const gh = new FakeGitHub();
    gh.addRepo("acme/app");
    gh.route("GET", "/repos/:owner/:repo/plans", () => ({ body: [] })); // not a GitHub endpoint
    const server = await gh.listen();
    const send = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api/v3${path}`, { method, headers: { authorization: "token x", "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as unknown };
    };
    try {
      expect(await send("POST", "/repos/acme/app/issues/1/comments", { bdy: "hi" })).toEqual({
        status: 422,
        body: { message: "Invalid request.", errors: ["issues/create-comment: / must have required property 'body'"], documentation_url: "https://docs.github.com/rest", status: "422" },
      });
      expect(await send("GET", "/repos/acme/app/plans")).toMatchObject({ status: 404, body: { message: "Not Found" } });
      expect(gh.restErrors.map((r) => [r.method, r.path, r.errors])).toEqual([
        ["POST", "/repos/acme/app/issues/1/comments", ["issues/create-comment: / must have required property 'body'"]],
        ["GET", "/repos/acme/app/plans", ["no such endpoint: GET /repos/acme/app/plans"]],
      ]);
      expect(gh.comments("acme/app", 1)).toEqual([]); // rejected before the route ran
    } finally {
      gh.restErrors.length = 0; // sent on purpose: consumed here, or the fake's afterEach check fails this test
      await server.close();
    }
  });
});

describe("every REST request the app sends", () => {
  let gh: FakeGitHub;
  let bot: TestProbot;

  beforeEach(async () => {
    ({ gh, bot } = await setUpFlows());
  });
  afterEach(() => bot.stop());

  it("in a PR check, a /plan phase-done and a merge is valid against GitHub's REST description", async () => {
    await runMainFlows(gh, bot);

    const rest = gh.requests.filter((r) => r.path !== "/graphql");
    expect(gh.restErrors).toEqual([]);
    for (const r of rest) expect({ request: `${r.method} ${r.path}`, errors: validateGitHubRest(r.method, r.path, r.query, r.body) }).toEqual({ request: `${r.method} ${r.path}`, errors: [] });
    // the flows really sent the app's writes and reads, each matched to GitHub's operation
    expect(new Set(rest.map((r) => gitHubOperationId(r.method, r.path)))).toEqual(
      new Set([
        "apps/create-installation-access-token",
        "pulls/list-files",
        "checks/create",
        "git/get-tree",
        "issues/create-comment",
        "issues/list-comments",
        "issues/update-comment",
        "pulls/get",
        "repos/get-content",
        "reactions/create-for-issue-comment",
        "repos/get-collaborator-permission-level",
        "repos/compare-commits", // {base}...{head}: GitHub describes the same endpoint twice, the more literal template wins
      ]),
    );
  });
});
