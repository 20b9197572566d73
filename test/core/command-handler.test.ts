import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createProbot, ProbotOctokit, type Probot } from "probot";
import { planCommandHandler } from "../../src/handlers/issue-comment.js";
import { ParseCache } from "../../src/core/parse-cache.js";
import { FakeGitHub, type Role } from "../helpers/fake-github.js";

// `/plan` commands end to end through a real Probot (its Octokit with retry + throttling) against
// the shared fake GitHub over HTTP, driven by the real `issue_comment.created` payload shape.

type Example = { name: string; examples: Array<Record<string, any>> };
const examples = createRequire(import.meta.url)("@octokit/webhooks-examples") as Example[];
const example = examples.find((e) => e.name === "issue_comment")!.examples.find((x) => x.action === "created" && x.installation)!;
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

const REPO = "acme/app";
const PLAN = "docs/plans/limits.md";
const LF = readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8");
const CRLF_BOM = "\uFEFF" + LF.replace(/\n/g, "\r\n");
const TODAY = new Date().toISOString().slice(0, 10);

let gh: FakeGitHub;
let server: Awaited<ReturnType<FakeGitHub["listen"]>>;
let probot: Probot;
/** the heads the "Plan hygiene" check ran on (the refresh after a command) */
const refreshed = () => gh.checkRuns(REPO).filter((r) => r.name === "Plan hygiene").map((r) => r.head_sha);
/** `.github/plan-hygiene.yml` on the default branch, as YAML */
const setConfig = (yaml: string) => gh.commit(REPO, "main", { ".github/plan-hygiene.yml": yaml });
// Probot's throttling spaces writes a second apart (GitHub's secondary-limit advice); not needed against the fake.
const noThrottle = ProbotOctokit.defaults((options: Record<string, any>) => ({ ...options, throttle: { ...options.throttle, enabled: false } }));

async function start(planText = CRLF_BOM, options: { fork?: boolean } = {}) {
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { [PLAN]: planText, "src/limits/bucket.ts": "export {};\n" } });
  let headRepo = REPO;
  if (options.fork) {
    headRepo = "dana/app";
    gh.addRepo(headRepo, { parent: REPO });
  }
  gh.commit(headRepo, "limits", { "src/limits/bucket.ts": "export const bucket = 1;\n", [PLAN]: planText.replace("Limit `/export`", "Limit `/export` (and `/import`)") });
  gh.openPullRequest(REPO, { head: "limits", headRepo, title: "Rate limits", body: "Implements the plan." });
  gh.setPermission(REPO, "writer", "write");
  server = await gh.listen();
  probot = createProbot({ env: {}, overrides: { appId: gh.appId, privateKey, secret: "s", baseUrl: `${server.url}/api/v3`, logLevel: "fatal", Octokit: noThrottle } as never });
  probot.on("issue_comment.created", planCommandHandler({ cache: new ParseCache(), isOwnEvent: async () => false }) as never);
}
beforeEach(() => start());
afterEach(() => server.close());

/** The example payload, moved to our repository and PR, with a given comment. */
function commentPayload(body: string, login: string, overrides: { action?: string; pr?: boolean; senderType?: string } = {}) {
  const comment = gh.addComment(REPO, 1, body, login);
  const user = { ...example.comment.user, login, type: overrides.senderType ?? (login.endsWith("[bot]") ? "Bot" : "User") };
  return {
    ...example,
    action: overrides.action ?? "created",
    installation: { id: 7 },
    repository: { ...example.repository, name: "app", full_name: REPO, owner: { ...example.repository.owner, login: "acme" } },
    issue: { ...example.issue, number: 1, ...(overrides.pr === false ? {} : { pull_request: { url: `${server.url}/api/v3/repos/${REPO}/pulls/1`, html_url: "", diff_url: "", patch_url: "" } }) },
    comment: { ...example.comment, id: comment.id, body, user },
    sender: user,
  };
}

async function send(body: string, login = "writer", overrides: Parameters<typeof commentPayload>[2] = {}) {
  const payload = commentPayload(body, login, overrides);
  await probot.receive({ id: `d-${payload.comment.id}`, name: "issue_comment", payload } as never);
  const comment = gh.comments(REPO, 1).find((c) => c.id === payload.comment.id)!;
  const replies = gh.comments(REPO, 1).filter((c) => c.user.login === gh.botLogin && c.id > payload.comment.id && !c.body.startsWith("<!-- plan-hygiene:summary -->"));
  return { reactions: comment.reactions.map((r) => r.content), replies: replies.map((r) => r.body) };
}

const planAt = (ref = "limits", repo = REPO) => gh.fileAt(repo, ref, PLAN)!.toString("utf8");
const writes = () => gh.requests.filter((r) => JSON.stringify(r.body ?? "").includes("createCommitOnBranch"));
/** Every API request after the installation token: "METHOD /path" without the repository prefix, GraphQL by operation name. */
const calls = () =>
  gh.apiRequests().map((r) => (r.path === "/graphql" ? `graphql ${/(?:query|mutation)\s+(\w+)/.exec(String((r.body as { query?: unknown }).query))?.[1]}` : `${r.method} ${r.path.replace(`/repos/${REPO}`, "")}`));
/** The requests of the command itself: up to and including its last reaction (the check refresh follows). */
const commandCalls = () => {
  const all = calls();
  const lastReaction = all.map((c) => c.endsWith("/reactions")).lastIndexOf(true);
  return all.slice(0, lastReaction + 1);
};

describe("/plan phase-done", () => {
  it("commits one byte-exact edit on the head branch, reacts 🚀 (no 👀: each reaction costs a throttle slot), and refreshes the check at the new head", async () => {
    const before = planAt();
    const head = gh.branchSha(REPO, "limits")!;
    const result = await send("Verified on staging.\r\n/plan phase-done 1 bucket soaked for an hour");
    const after = planAt();
    const gate = "**Confirmation Gate**: The bucket behaves under load before Phase 2 wires it in.";
    expect(after).toBe(
      before
        .replace("  - [ ] Bucket refills at the configured rate", "  - [x] Bucket refills at the configured rate")
        .replace(gate, `${gate}\r\n\r\n✅ Confirmed by @writer on ${TODAY} at ${head.slice(0, 7)} — bucket soaked for an hour`),
    );
    const newHead = gh.branchSha(REPO, "limits")!;
    expect(gh.store.commit(newHead).parents).toEqual([head]);
    expect(writes()).toHaveLength(1);
    expect(result).toEqual({ reactions: ["rocket"], replies: [] });
    expect(refreshed()).toEqual([newHead]);
    // the refreshed sticky comment shows the confirmation
    const sticky = gh.comments(REPO, 1).find((c) => c.body.startsWith("<!-- plan-hygiene:summary -->"));
    expect(sticky?.body).toContain(`on ${TODAY} at \`${head.slice(0, 7)}\``);
    expect(gh.fileAt(REPO, "limits", "src/limits/bucket.ts")?.toString()).toBe("export const bucket = 1;\n");
  });

  it("costs 2 throttled requests before the check refresh (the commit, 🚀): config, PR, files, permission and plans are plain REST GETs", async () => {
    gh.clearRequests();
    const payload = commentPayload("/plan phase-done 1", "writer");
    await probot.receive({ id: "count", name: "issue_comment", payload } as never);
    const reactions = `POST /issues/comments/${payload.comment.id}/reactions`;
    // before issue 15: one GraphQL read for config + PR + files, 👀, permission, one GraphQL read for plans, the commit, 🚀 (5 throttled)
    expect(commandCalls()).toEqual([
      "GET /contents/.github/plan-hygiene.yml",
      "GET /pulls/1",
      "GET /pulls/1/files",
      "GET /repos/acme/.github/contents/.github/plan-hygiene.yml",
      "GET /collaborators/writer/permission",
      "GET /contents/docs/plans/limits.md",
      "graphql commitFileChanges",
      reactions,
    ]);
    // the refresh is the PR check's own budget (files, one read, stale-confirmation compare, check create + complete, sticky comment)
    const refresh = calls().slice(commandCalls().length);
    expect(refresh).toContain("POST /check-runs");
    expect(refresh).not.toContain("graphql readBranchFiles");
    expect(calls().filter((c) => c.startsWith("graphql") || !c.startsWith("GET")).length).toBeLessThanOrEqual(4); // commit, 🚀, check run, sticky comment
  });

  it.each<[Role | null, boolean]>([
    ["admin", true],
    ["maintain", true],
    ["write", true],
    ["triage", false],
    ["read", false],
    [null, false],
  ])("with %s permission: allowed %s", async (role, allowed) => {
    if (role) gh.setPermission(REPO, "someone", role);
    const before = planAt();
    const result = await send("/plan phase-done 1", "someone");
    if (allowed) {
      expect(result).toEqual({ reactions: ["rocket"], replies: [] });
      expect(planAt()).not.toBe(before);
    } else {
      expect(result.reactions).toEqual(["confused"]);
      expect(result.replies).toHaveLength(1);
      expect(result.replies[0]).toContain("needs write permission or higher");
      expect(result.replies[0]).toContain(role ? `you have ${role} permission` : "you have no access to this repository");
      expect(planAt()).toBe(before);
      expect(writes()).toHaveLength(0);
    }
  });

  it("ignores commands in code, quotes and inline code: no reaction, no request beyond the config", async () => {
    gh.clearRequests();
    const result = await send("```\n/plan phase-done 1\n```\n\n> /plan phase-done 1\n\n`/plan phase-done 1`");
    expect(result).toEqual({ reactions: [], replies: [] });
    expect(gh.apiRequests()).toEqual([]);
  });

  it("ignores edited comments, plain issues and bots (this app included)", async () => {
    const before = planAt();
    expect(await send("/plan phase-done 1", "writer", { action: "edited" })).toEqual({ reactions: [], replies: [] });
    expect(await send("/plan phase-done 1", "writer", { pr: false })).toEqual({ reactions: [], replies: [] });
    gh.setPermission(REPO, "ci-helper[bot]", "admin");
    expect(await send("/plan phase-done 1", "ci-helper[bot]")).toEqual({ reactions: [], replies: [] });
    expect((await send("/plan phase-done 1", gh.botLogin)).reactions).toEqual([]);
    expect(await send("/plan phase-done 1", "robot", { senderType: "Bot" })).toEqual({ reactions: [], replies: [] });
    expect(planAt()).toBe(before);
  });

  it("replies with the candidates for an unknown phase", async () => {
    const result = await send("/plan phase-done 9");
    expect(result.reactions).toEqual(["confused"]);
    expect(result.replies).toEqual([`@writer\n\n\`${PLAN}\` has no phase \`9\`. Its phases: 1, 2.`]);
  });

  it("refuses an out-of-order phase, and --force needs maintain", async () => {
    setConfig("commands:\n  verifyWithChecks: false\n");
    let result = await send("/plan phase-done 2");
    expect(result.replies[0]).toContain("Earlier phase `1`");
    result = await send("/plan phase-done 2 --force");
    expect(result.replies[0]).toContain("`phase-done --force` needs maintain permission");
    gh.setPermission(REPO, "lead", "maintain");
    result = await send("/plan phase-done 2 --force", "lead");
    // forced past the order, but Phase 2's Automated criteria are unticked
    expect(result.replies[0]).toContain("1 unticked Automated criterion");
    expect(writes()).toHaveLength(0);
  });

  it("answers an already confirmed phase without writing", async () => {
    await send("/plan phase-done 1");
    const result = await send("/plan phase-done 1");
    expect(result.reactions).toEqual(["rocket"]);
    expect(result.replies).toEqual([expect.stringContaining("is already confirmed (by `@writer`")]);
    expect(writes()).toHaveLength(1);
  });

  it("CAS: when the branch moves between read and write, re-reads, keeps the concurrent change and confirms once", async () => {
    let moved = false;
    gh.beforeRequest = (request) => {
      if (!moved && JSON.stringify(request.body ?? "").includes("createCommitOnBranch")) {
        moved = true;
        gh.commit(REPO, "limits", { [PLAN]: planAt().replace("**Author:** Dana", "**Author:** Dana, Lee"), "src/x.ts": "x\n" });
      }
    };
    const concurrent = () => gh.branchSha(REPO, "limits")!;
    const result = await send("/plan phase-done 1");
    expect(result).toEqual({ reactions: ["rocket"], replies: [] });
    const text = planAt();
    expect(text).toContain("**Author:** Dana, Lee");
    expect(text.match(/✅ Confirmed by @writer/g)).toHaveLength(1);
    expect(writes()).toHaveLength(2);
    // the re-read after the conflict is ONE query (head oid + plan in that commit)
    expect(commandCalls().filter((c) => c.startsWith("graphql"))).toEqual([
      "graphql commitFileChanges",
      "graphql readBranchFiles",
      "graphql commitFileChanges",
    ]);
    const head = concurrent();
    const parent = gh.store.commit(head).parents[0];
    expect(gh.fileAt(REPO, parent, "src/x.ts")?.toString()).toBe("x\n");
    // the marker names the head it was confirmed at: the concurrent commit
    expect(text).toContain(`at ${parent.slice(0, 7)}`);
  });

  it("verifyWithChecks: ticks Automated criteria when every other check succeeded", async () => {
    setConfig("commands:\n  verifyWithChecks: true\n  requireOrder: false\n");
    const head = gh.branchSha(REPO, "limits")!;
    const repo = gh.repo(REPO);
    const ci = (name: string, conclusion: string) => ({ id: gh.nextId(), name, head_sha: head, status: "completed", conclusion, started_at: null, completed_at: null, external_id: null, details_url: null, output: { title: null, summary: null, text: null }, annotations: [], app: { id: 99, slug: "github-actions" }, history: [] });
    repo.checkRuns.push(ci("test", "failure"));
    let result = await send("/plan phase-done 2");
    expect(result.replies[0]).toContain("`test` (failure)");
    repo.checkRuns.length = 0;
    repo.checkRuns.push(ci("test", "success"), ci("build", "success"));
    gh.clearRequests();
    result = await send("/plan phase-done 2");
    expect(result.reactions).toEqual(["rocket"]);
    // the checks are judged on the head already read: no second read before the commit
    expect(commandCalls().filter((c) => c.startsWith("graphql") || c.includes("check-runs"))).toEqual([
      `GET /commits/${head}/check-runs`,
      "graphql commitFileChanges",
    ]);
    const text = planAt();
    expect(text).toContain("  - [x] Integration tests pass");
    expect(text).toContain(`✅ Confirmed by @writer on ${TODAY} at ${head.slice(0, 7)} — Automated criteria verified by checks`);
  });
});

describe("/plan phase-reopen", () => {
  it("removes exactly the marker paragraph, keeping the ticks", async () => {
    const original = planAt();
    await send("/plan phase-done 1");
    const result = await send("/plan phase-reopen 1 bucket regressed");
    expect(result.reactions).toEqual(["rocket"]);
    expect(planAt()).toBe(original.replace("  - [ ] Bucket refills", "  - [x] Bucket refills"));
    expect(writes()).toHaveLength(2);
  });
});

describe("fork pull requests", () => {
  it("replies with the exact change as a diff and records nothing", async () => {
    await server.close();
    await start(LF, { fork: true });
    const fork = gh.branchSha("dana/app", "limits");
    const result = await send("/plan phase-done 1");
    expect(result.reactions).toEqual(["confused"]);
    expect(result.replies).toHaveLength(1);
    const reply = result.replies[0];
    expect(reply).toContain("comes from a fork");
    expect(reply).toContain("**nothing was recorded**");
    expect(reply).toContain("-  - [ ] Bucket refills at the configured rate\n+  - [x] Bucket refills at the configured rate");
    expect(reply).toContain(`+✅ Confirmed by @writer on ${TODAY} at ${fork!.slice(0, 7)}`);
    expect(gh.branchSha("dana/app", "limits")).toBe(fork);
    expect(writes()).toHaveLength(0);
    expect(refreshed()).toEqual([]);
  });
});

describe("/plan status and help", () => {
  it("anyone may ask; one reply covers several commands", async () => {
    const result = await send("/plan status\n/plan help\n/plan frobnicate", "stranger");
    expect(result.replies).toHaveLength(1);
    const reply = result.replies[0];
    expect(reply).toContain(`**\`${PLAN}\`** — Status: In Progress`);
    expect(reply).toContain("| 1 Token bucket | 2/2 ✔ | 0/1 | ⏳ not confirmed |");
    expect(reply).toContain("| `/plan status` |");
    expect(reply).toContain("I don't know the command `/plan frobnicate`");
    expect(result.reactions).toEqual(["confused"]);
  });

  it("status costs REST reads for config, PR and plans, then the reply and one reaction (2 throttled)", async () => {
    gh.clearRequests();
    const payload = commentPayload("/plan status", "stranger");
    await probot.receive({ id: "status", name: "issue_comment", payload } as never);
    const reactions = `POST /issues/comments/${payload.comment.id}/reactions`;
    // before: config, 👀, pulls.get, pulls/files, plans, reply, reaction (7)
    expect(calls()).toEqual([
      "GET /contents/.github/plan-hygiene.yml",
      "GET /pulls/1",
      "GET /pulls/1/files",
      "GET /repos/acme/.github/contents/.github/plan-hygiene.yml",
      "GET /contents/docs/plans/limits.md",
      "POST /issues/1/comments",
      reactions,
    ]);
  });

  it("on a merged PR whose branch is gone: status reads the plans at its head commit; phase-done is refused without reading them", async () => {
    const head = gh.branchSha(REPO, "limits")!;
    gh.mergePullRequest(REPO, 1);
    gh.repo(REPO).refs.delete("heads/limits");
    gh.clearRequests();
    const status = await send("/plan status");
    expect(status.replies[0]).toContain(`**\`${PLAN}\`** — Status: In Progress`);
    expect(status.replies[0]).toContain(head.slice(0, 7));
    gh.clearRequests();
    const done = await send("/plan phase-done 1");
    expect(done.replies).toEqual([expect.stringContaining("This pull request is closed")]);
    expect(calls().filter((c) => c.startsWith("graphql") || c.includes("/contents/docs/"))).toEqual([]);
  });

  it("a PR with more changed files than one GraphQL page lists them with REST, and still finds the plan", async () => {
    const many = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`src/gen/f${i}.ts`, `${i}\n`]));
    gh.commit(REPO, "limits", many);
    gh.clearRequests();
    const result = await send("/plan phase-done 1");
    expect(result).toEqual({ reactions: ["rocket"], replies: [] });
    expect(planAt()).toContain("✅ Confirmed by @writer");
    expect(commandCalls().filter((c) => c.includes("/pulls/1/files"))).toHaveLength(2); // 100 + 20
  });

  it("does nothing when commands are disabled", async () => {
    setConfig("commands:\n  enabled: false\n");
    expect(await send("/plan status")).toEqual({ reactions: [], replies: [] });
  });
});
