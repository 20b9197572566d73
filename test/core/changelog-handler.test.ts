import { generateKeyPairSync } from "node:crypto";
import { createRequire } from "node:module";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { createProbot, ProbotOctokit, type Probot } from "probot";
import { ownEventDetector } from "../../src/handlers/own-event.js";
import { pullRequestClosedHandler } from "../../src/handlers/pull-request-closed.js";
import { FakeGitHub } from "../helpers/fake-github.js";

// The pull_request.closed handler in a real Probot, talking HTTP to the fake GitHub, fed the
// real `pull_request.closed` example payload from @octokit/webhooks-examples (patched to say
// merged and to point at the fake's commits).

type Example = { name: string; examples: Array<Record<string, any> & { action?: string }> };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Example[];
const closedExample = examples.find((e) => e.name === "pull_request")!.examples.find((x) => x.action === "closed")!;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

const REPO = "Codertocat/Hello-World";
const PLAN = "docs/plans/retry.md";
const PLAN_TEXT = "# Plan: Retry\n\n**Status:** Approved\n\n## Overview\n\nx\n\n## Implementation Phases\n\n### Phase 1: Budget\n\n**Confirmation Gate**: Load test passes.\n\n## Change Log\n\n| Date | Author | Change |\n|------|--------|--------|\n| 2026-02-01 | Kim | Initial draft |\n";

let gh: FakeGitHub;
let server: Awaited<ReturnType<FakeGitHub["listen"]>>;
let probot: Probot;
let delivery = 0;

beforeAll(async () => {
  gh = new FakeGitHub();
  server = await gh.listen();
});
afterAll(() => server.close());

beforeEach(async () => {
  gh.repos.clear();
  gh.clearRequests();
  gh.addRepo(REPO, { defaultBranch: "master", files: { [PLAN]: PLAN_TEXT } });
  // Throttling off only to keep the test fast: it spaces GraphQL requests 1 s apart (see report).
  const Octokit = ProbotOctokit.defaults((options: Record<string, any>) => ({ ...options, throttle: { ...options.throttle, enabled: false } }));
  probot = createProbot({ env: {}, overrides: { appId: 1, privateKey, secret: "s", baseUrl: `${server.url}/api/v3`, logLevel: "fatal", Octokit } });
  await probot.load((app: Probot) => {
    app.on("pull_request.closed", pullRequestClosedHandler({ isOwnEvent: ownEventDetector(app, "plan-hygiene") }));
  });
});

/** Opens and merges a PR in the fake; returns the webhook for it. */
function mergeWebhook(branch: string, files: Record<string, string>, title = "Add retry budget") {
  gh.commit(REPO, branch, files);
  const pull = gh.openPullRequest(REPO, { head: branch, base: "master", title, user: "Codertocat" });
  const preMerge = gh.branchSha(REPO, "master");
  const mergeSha = gh.mergePullRequest(REPO, pull.number);
  const example = closedExample.pull_request;
  return {
    id: `delivery-${++delivery}`,
    name: "pull_request",
    payload: {
      ...closedExample,
      number: pull.number,
      installation: { id: 7 },
      pull_request: {
        ...example,
        number: pull.number,
        title,
        body: null,
        merged: true,
        merged_at: "2026-03-06T10:00:00Z",
        merged_by: { ...example.user, login: "octocat" },
        merge_commit_sha: mergeSha,
        head: { ...example.head, ref: branch, sha: gh.branchSha(REPO, branch) },
        base: { ...example.base, ref: "master", sha: preMerge },
      },
    },
  };
}

const receive = (event: ReturnType<typeof mergeWebhook>) => probot.receive(event as never);
const writes = () => gh.requests.filter((r) => JSON.stringify(r.body ?? "").includes("createCommitOnBranch"));
/** Every API request after the installation token: "METHOD /path" without the repository prefix, GraphQL by operation name. */
const calls = () =>
  gh.apiRequests().map((r) => (r.path === "/graphql" ? `graphql ${/(?:query|mutation)\s+(\w+)/.exec(String((r.body as { query?: unknown }).query))?.[1]}` : `${r.method} ${r.path.replace(`/repos/${REPO}`, "")}`));

describe("pull_request.closed handler", () => {
  it("appends the row on the base branch, and a redelivery of the same webhook adds nothing", async () => {
    const event = mergeWebhook("feature", { [PLAN]: PLAN_TEXT.replace("Approved", "In Progress") });
    await receive(event);
    const expected = `${PLAN_TEXT.replace("Approved", "In Progress")}| 2026-03-06 | @octocat | #1 Add retry budget — Status Approved → In Progress |\n`;
    expect(gh.fileAt(REPO, "master", PLAN)?.toString("utf8")).toBe(expected);
    const head = gh.branchSha(REPO, "master");
    await receive({ ...event, id: "redelivery" });
    expect(gh.branchSha(REPO, "master")).toBe(head);
    expect(writes()).toHaveLength(1);
    expect(writes()[0]?.as).toBe("plan-hygiene[bot]");
  });

  it("costs 4 requests: one read for config + files + merge parent, the merge-base compare, one read for the plans at base head, merge base and PR head, the commit", async () => {
    const event = mergeWebhook("feature", { [PLAN]: PLAN_TEXT.replace("Approved", "In Progress") });
    const before = event.payload.pull_request.base.sha;
    const head = event.payload.pull_request.head.sha;
    gh.clearRequests();
    await receive(event);
    // before: config, pulls/files, git/commits, compare, plans at merge base + head, base head, plans at base head, commit (8)
    expect(calls()).toEqual(["graphql gatherPullRequestContext", `GET /compare/${before}...${head}`, "graphql readBranchFiles", "graphql commitFileChanges"]);
    expect(gh.fileAt(REPO, "master", PLAN)?.toString("utf8")).toContain("#1 Add retry budget — Status Approved → In Progress |");
    // a redelivery reads the same and writes nothing
    gh.clearRequests();
    await receive({ ...event, id: "redelivery" });
    expect(calls()).toEqual(["graphql gatherPullRequestContext", `GET /compare/${before}...${head}`, "graphql readBranchFiles"]);
    // a merge that touches and names no plan costs the one read
    const code = mergeWebhook("code", { "src/x.ts": "x\n" }, "Code only");
    gh.clearRequests();
    await receive(code);
    expect(calls()).toEqual(["graphql gatherPullRequestContext"]);
  });

  it("ignores merges of its own Change Log pull requests and unmerged closes", async () => {
    const own = mergeWebhook("plan-hygiene/changelog-9", { [PLAN]: `${PLAN_TEXT}| 2026-03-06 | @octocat | #9 x |\n` });
    await receive(own);
    const unmerged = mergeWebhook("feature", { [PLAN]: PLAN_TEXT.replace("x\n", "y\n") });
    await receive({ ...unmerged, payload: { ...unmerged.payload, pull_request: { ...unmerged.payload.pull_request, merged: false, merged_at: null } } });
    expect(writes()).toHaveLength(0);
  });

  it("reads changelog settings from the repository's .github/plan-hygiene.yml", async () => {
    gh.commit(REPO, "master", { ".github/plan-hygiene.yml": "changelog:\n  enabled: false\n" });
    await receive(mergeWebhook("feature", { [PLAN]: PLAN_TEXT.replace("x\n", "y\n") }));
    expect(writes()).toHaveLength(0);
    gh.commit(REPO, "master", { ".github/plan-hygiene.yml": "changelog:\n  template: \"{pr}: {title}\"\n" });
    await receive(mergeWebhook("second", { [PLAN]: PLAN_TEXT.replace("x\n", "z\n") }, "Second"));
    expect(gh.fileAt(REPO, "master", PLAN)?.toString("utf8").endsWith("| 2026-03-06 | @octocat | #2: Second |\n")).toBe(true);
  });
});
