import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { readConfigFile } from "../../src/github/read-config-files.js";
import { FakeGitHub } from "./fake-github.js";
import { validateGitHubGraphQL } from "./github-schema.js";
import type { TestProbot } from "./probot-harness.js";
import { runMainFlows, setUpFlows } from "./main-flows.js";

// GitHub's real GraphQL schema in the fake: the validator on its own, the fake's answer to a
// document GitHub would reject, and every document the app sends in its three main flows.

const READ_BLOB = `query readBlob($owner: String!, $repo: String!, $expression: String!) {
  repository(owner: $owner, name: $repo) { object(expression: $expression) { ... on Blob { oid text isTruncated } } }
}`;
const VARIABLES = { owner: "acme", repo: "app", expression: "HEAD:README.md" };

describe("validateGitHubGraphQL", () => {
  it("accepts a query GitHub accepts", () => {
    expect(validateGitHubGraphQL(READ_BLOB, VARIABLES)).toEqual([]);
  });

  it("rejects a misspelled field, naming the field and its type", () => {
    expect(validateGitHubGraphQL(READ_BLOB.replace("isTruncated", "isTruncted"), VARIABLES)).toEqual(["Field 'isTruncted' doesn't exist on type 'Blob'"]);
  });

  it("rejects a blob field read straight off the GitObject interface (no `... on Blob`)", () => {
    expect(validateGitHubGraphQL(READ_BLOB.replace("... on Blob { oid text isTruncated }", "oid text"), VARIABLES)).toEqual(["Field 'text' doesn't exist on type 'GitObject'"]);
  });

  it("rejects a variable whose declared type does not fit the argument", () => {
    const query = READ_BLOB.replace("$expression: String!", "$expression: GitObjectID!");
    expect(validateGitHubGraphQL(query, VARIABLES)).toEqual(["Type mismatch on variable $expression and argument (GitObjectID! / String)"]);
  });

  it("rejects a missing required variable, and a value of the wrong type", () => {
    expect(validateGitHubGraphQL(READ_BLOB, { owner: "acme", repo: "app" })).toEqual(["Variable $expression of type String! was provided invalid value"]);
    expect(validateGitHubGraphQL(READ_BLOB, { ...VARIABLES, repo: 42 })[0]).toMatch(/^Variable "\$repo" got invalid value 42; String cannot represent a non string value/);
  });
});

describe("the fake GitHub", () => {
  it("answers a document GitHub would reject like GitHub (200, errors with locations, no data) and records it", async () => {
    const gh = new FakeGitHub();
    gh.addRepo("acme/app", { files: { "README.md": "# app\n" } });
    const server = await gh.listen();
    try {
      const query = READ_BLOB.replace("isTruncated", "isTruncted");
      const response = await fetch(`${server.url}/api/graphql`, { method: "POST", headers: { authorization: "token x", "content-type": "application/json" }, body: JSON.stringify({ query, variables: VARIABLES }) });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ errors: [{ message: "Field 'isTruncted' doesn't exist on type 'Blob'", locations: [{ line: 2, column: query.split("\n")[1]!.indexOf("isTruncted") + 1 }] }] });
      expect(gh.graphqlErrors).toEqual([{ query, variables: VARIABLES, errors: [expect.objectContaining({ message: "Field 'isTruncted' doesn't exist on type 'Blob'" })] }]);
      // the same request through Octokit fails loudly
      const octokit = new Octokit({ auth: "x", baseUrl: `${server.url}/api/v3` });
      await expect(octokit.graphql(query, { ...VARIABLES, baseUrl: `${server.url}/api` })).rejects.toThrow("Field 'isTruncted' doesn't exist on type 'Blob'");
    } finally {
      gh.graphqlErrors.length = 0; // sent on purpose: consumed here, or the fake's afterEach check fails this test
      await server.close();
    }
  });
});

describe("every GraphQL document the app sends", () => {
  let gh: FakeGitHub;
  let bot: TestProbot;

  beforeEach(async () => {
    ({ gh, bot } = await setUpFlows());
  });
  afterEach(() => bot.stop());

  it("in a PR check, a /plan phase-done and a merge is valid against GitHub's schema", async () => {
    await runMainFlows(gh, bot);

    // `_extends` reads (not in these flows), through the same nock interception as the app
    const config = await readConfigFile(new Octokit({ auth: "x" }), { owner: "acme", repo: "app", path: "src/limits/bucket.ts" });
    expect(config).toMatchObject({ text: "export const bucket = 1;\n" });

    const sent = gh.requests.filter((r) => r.path === "/graphql").map((r) => r.body as { query: string; variables?: Record<string, unknown> });
    const documents = new Map(sent.map((b) => [b.query, b]));
    const operations = [...documents.keys()].map((q) => /^\s*(?:query|mutation)\s+(\w+)/.exec(q)?.[1]);
    expect(new Set(operations)).toEqual(new Set(["gatherPullRequestContext", "readBranchFiles", "commitFileChanges"]));
    // the variants: the PR's details, a merge commit's parent; reads with `also` blobs (plan blobs
    // are REST reads for up to 5 plans; the batched `b0: object` read of more is validated by the
    // fake in test/app/pull-request-check.test.ts's 20-plan case)
    expect([/pullRequest\(number: \$number\) \{ number/, /parentOf: object/, /\ba0: object/].filter((re) => ![...documents.keys()].some((q) => re.test(q)))).toEqual([]);
    expect(gh.graphqlErrors).toEqual([]);
    for (const { query, variables } of documents.values()) expect({ query, errors: validateGitHubGraphQL(query, variables ?? {}) }).toEqual({ query, errors: [] });
  });
});
