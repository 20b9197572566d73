import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes, randomUUID } from "node:crypto";
import { FakeGitHub, type LoggedRequest } from "../helpers/fake-github.js";
import { issueCommentPayload, pullRequestPayload } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/probot-harness.js";
import { deliver, ensureBuilt, fakeGitHubEnv, startMain, type MainProcess } from "./main-process.js";

// Round trips through the real server (`node lib/main.js`, production mode) and the fake GitHub
// over HTTP, with signed webhooks in the real payload shapes: `/plan phase-done`, a refused
// command, `/plan phase-reopen`, then the merge and its redelivery. Every expected file is
// written out by hand below (CRLF + BOM), never produced by the app's own edit functions.

const secret = randomBytes(24).toString("hex");
const REPO = "octo-org/exporter";
const PLAN = "docs/plans/export-cache.md";
const BRANCH = "export-cache";
const TITLE = "Export cache: index | invalidation";
const GATE_1 = "**Confirmation Gate**: Warm exports are served from the cache on staging.";
const MANUAL_1 = "A cold export and a warm export return the same bytes";

/** The plan as a person would write it, with the variable parts as parameters; LF here, CRLF + BOM on disk. */
function planLines(o: { status: string; manual1: boolean; confirmation?: string; extraRow?: string }): string[] {
  return [
    "# Implementation Plan: Cache the export index",
    "",
    "**Date:** 2026-02-02",
    "**Author:** Dana",
    `**Status:** ${o.status}`,
    "",
    "## Overview",
    "",
    "Cache the export index so `/export` answers from one read.",
    "",
    "## Implementation Phases",
    "",
    "### Phase 1: Index cache",
    "",
    "**Changes Required**:",
    "1. **File**: `src/export/index-cache.ts`",
    "   - **Change**: keep built indexes in an LRU",
    "",
    "**Success Criteria**:",
    "- **Automated**:",
    "  - [x] Unit tests pass (`npm test`)",
    "  - [x] Type checking passes (`tsc --noEmit`)",
    "- **Manual**:",
    `  - [${o.manual1 ? "x" : " "}] ${MANUAL_1}`,
    "",
    GATE_1,
    ...(o.confirmation ? ["", o.confirmation] : []),
    "",
    "---",
    "",
    "### Phase 2: Invalidation",
    "",
    "**Changes Required**:",
    "1. **File**: `src/export/invalidate.ts`",
    "   - **Change**: drop the cached index on every write",
    "",
    "**Success Criteria**:",
    "- **Automated**:",
    "  - [x] Invalidation tests pass",
    "- **Manual**:",
    "  - [ ] An edit shows up in the next export",
    "",
    "**Confirmation Gate**: No stale export after an edit on staging.",
    "",
    "## Open Questions",
    "",
    "- [x] ~~Per tenant or global?~~ - **Resolved**: per tenant.",
    "",
    "## Change Log",
    "",
    "| Date | Author | Change |",
    "|------|--------|--------|",
    "| 2026-02-02 | @dana | Initial draft |",
    ...(o.extraRow ? [o.extraRow] : []),
  ];
}
const onDisk = (o: Parameters<typeof planLines>[0]) => `\uFEFF${planLines(o).join("\r\n")}\r\n`;
const bytes = (text: string) => Buffer.from(text, "utf8");
/** Byte equality, shown as a text diff when it fails. */
function expectBytes(actual: Buffer | null, expected: string): void {
  expect(actual?.toString("utf8")).toBe(expected);
  expect(actual?.equals(bytes(expected))).toBe(true);
}

const utcDay = () => new Date().toISOString().slice(0, 10);
/** The fake's state is final once the delivery's summary line is logged; a write is any non-GET except a GraphQL query. */
const isWrite = (r: LoggedRequest) => r.method !== "GET" && !(r.path === "/graphql" && !/^\s*mutation\b/.test(String((r.body as { query?: string } | null)?.query ?? "")));
const isCommitMutation = (r: LoggedRequest) => r.path === "/graphql" && /createCommitOnBranch/.test(String((r.body as { query?: string } | null)?.query ?? ""));

describe("node lib/main.js round trips: /plan commands and the Change Log on merge", () => {
  const gh = new FakeGitHub();
  let api: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let main: MainProcess;
  const costs: Array<[string, number, unknown, string]> = [];
  let stickyId = 0;
  /** heads of the PR branch, in order */
  const heads: string[] = [];
  let confirmedAgainAt = "";
  let confirmedAgainOn = "";

  /** Sends one event, waits for its handler to finish, records what it cost (requests after the /app* token calls). */
  async function send(label: string, name: string, payload: Record<string, any>, delivery?: string) {
    gh.clearRequests();
    const { status, summary } = await deliver(main, secret, name, payload, { delivery, timeoutMs: 30_000 });
    expect(status).toBeLessThan(300);
    expect(summary.outcome).not.toBe("error");
    const requests = gh.apiRequests();
    costs.push([label, requests.length, summary.durationMs, requests.map((r) => `${r.method} ${r.path.replace(`/repos/${REPO}`, "")}`).join(", ")]);
    return requests;
  }
  /** `body` as a new PR comment by `login`, delivered as issue_comment.created. */
  function comment(label: string, body: string, login: string) {
    const c = gh.addComment(REPO, 1, body, login);
    return { c, requests: send(label, "issue_comment", issueCommentPayload(gh, REPO, 1, { id: c.id, body, login })) };
  }
  const replyTo = (id: number) => gh.comments(REPO, 1).filter((c) => c.id > id && c.user.login === gh.botLogin && !c.body.startsWith("<!-- plan-hygiene:summary -->"));
  const stickies = () => gh.comments(REPO, 1).filter((c) => c.body.startsWith("<!-- plan-hygiene:summary -->"));
  const headFile = () => gh.fileAt(REPO, BRANCH, PLAN);
  const ourRuns = (sha: string) => gh.checkRuns(REPO, sha).filter((r) => r.name === "Plan hygiene");

  beforeAll(async () => {
    ensureBuilt();
    api = await gh.listen();
    main = await startMain(fakeGitHubEnv(gh, api, secret, testPrivateKey()));
    gh.addRepo(REPO, { files: { "README.md": "# exporter\n", [PLAN]: onDisk({ status: "Approved", manual1: false }) } });
    gh.setPermission(REPO, "writer", "write");
    gh.setPermission(REPO, "reader", "read");
    gh.setPermission(REPO, "maria", "maintain");
    heads.push(gh.commit(REPO, BRANCH, { [PLAN]: onDisk({ status: "In Progress", manual1: false }), "src/export/index-cache.ts": "export const cache = new Map();\n" }));
    gh.openPullRequest(REPO, { head: BRANCH, title: TITLE, body: "Phase 1 of the export cache.", user: "dana" });
  }, 120_000);

  afterAll(async () => {
    process.stdout.write(`\n===== API requests per event (after the /app* token calls) =====\n`);
    for (const [label, n, ms, list] of costs) console.log(`${label}: ${n} API requests, handled in ${ms} ms (${list})`);
    if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
    await api?.close();
  });

  it("pull_request.opened: the check run and the one sticky comment", async () => {
    await send("pull_request.opened", "pull_request", pullRequestPayload(gh, REPO, 1, "opened"));
    expect(ourRuns(heads[0]!).map((r) => r.status)).toEqual(["completed"]);
    expect(stickies()).toHaveLength(1);
    stickyId = stickies()[0]!.id;
  }, 60_000);

  it("/plan phase-done 1 by a writer: 🚀, ONE byte-exact commit, the check refreshed on the new head, the sticky comment edited", async () => {
    const dayBefore = utcDay();
    const { c, requests } = comment("issue_comment.created /plan phase-done 1", "Tried it on staging.\r\n/plan phase-done 1 looks good", "writer");
    const reqs = await requests;
    const dayAfter = utcDay();

    expect(gh.comments(REPO, 1).find((x) => x.id === c.id)!.reactions.map((r) => [r.content, r.user.login])).toEqual([["rocket", gh.botLogin]]);
    expect(replyTo(c.id)).toEqual([]);

    const head = gh.branchSha(REPO, BRANCH)!;
    heads.push(head);
    expect(gh.store.commit(head).parents).toEqual([heads[0]]); // exactly one new commit, on the old head
    expect(reqs.filter(isCommitMutation)).toHaveLength(1);
    const sha7 = heads[0]!.slice(0, 7);
    const expected = (day: string) => onDisk({ status: "In Progress", manual1: true, confirmation: `✅ Confirmed by @writer on ${day} at ${sha7} — looks good` });
    // the app dates the marker when it runs: either side of a UTC midnight is right
    const day = [dayBefore, dayAfter].find((d) => headFile()?.equals(bytes(expected(d)))) ?? dayBefore;
    expectBytes(headFile(), expected(day));
    expect(headFile()!.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    expect(ourRuns(head).map((r) => [r.status, r.conclusion])).toEqual([["completed", "success"]]);
    expect(stickies().map((s) => s.id)).toEqual([stickyId]);
    expect(stickies()[0]!.body).toContain(`at \`${head.slice(0, 7)}\``); // checked at the new head
    expect(stickies()[0]!.body).toContain(`on ${day} at \`${sha7}\``); // phase 1 confirmed at the old one
    expect(stickies()[0]!.body.match(/⏳ awaiting confirmation/g)).toHaveLength(1);
    const commentWrites = reqs.filter((r) => r.path.startsWith(`/repos/${REPO}/issues/`) && r.path.endsWith("/comments") && r.method === "POST");
    expect(commentWrites).toEqual([]);
    expect(reqs.filter((r) => r.method === "PATCH" && r.path === `/repos/${REPO}/issues/comments/${stickyId}`)).toHaveLength(1);
  }, 60_000);

  it("/plan phase-done 2 by a reader: 😕, a reply saying why, no commit", async () => {
    const before = headFile();
    const { c, requests } = comment("issue_comment.created /plan phase-done 2 (read permission, refused)", "/plan phase-done 2", "reader");
    const reqs = await requests;
    expect(gh.comments(REPO, 1).find((x) => x.id === c.id)!.reactions.map((r) => r.content)).toEqual(["confused"]);
    const replies = replyTo(c.id);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toMatch(/^@reader\b/);
    expect(replies[0]!.body).toContain("needs write permission or higher");
    expect(replies[0]!.body).toContain("you have read permission");
    expect(gh.branchSha(REPO, BRANCH)).toBe(heads[1]);
    expect(headFile()).toEqual(before);
    expect(reqs.filter(isCommitMutation)).toEqual([]);
  }, 60_000);

  it("/plan phase-reopen 1 by the writer: back to ticked-but-unconfirmed, byte for byte", async () => {
    const { c, requests } = comment("issue_comment.created /plan phase-reopen 1", "/plan phase-reopen 1 staging was reset", "writer");
    const reqs = await requests;
    expect(gh.comments(REPO, 1).find((x) => x.id === c.id)!.reactions.map((r) => r.content)).toEqual(["rocket"]);
    const head = gh.branchSha(REPO, BRANCH)!;
    heads.push(head);
    expect(gh.store.commit(head).parents).toEqual([heads[1]]);
    expect(reqs.filter(isCommitMutation)).toHaveLength(1);
    expectBytes(headFile(), onDisk({ status: "In Progress", manual1: true }));
    expect(ourRuns(head).map((r) => r.status)).toEqual(["completed"]);
    expect(stickies().map((s) => s.id)).toEqual([stickyId]);
    expect(stickies()[0]!.body).toContain(`at \`${head.slice(0, 7)}\``);
    expect(stickies()[0]!.body.match(/⏳ awaiting confirmation/g)).toHaveLength(2);
  }, 60_000);

  it("/plan phase-done 1 again: the marker names the new head", async () => {
    const dayBefore = utcDay();
    const { requests } = comment("issue_comment.created /plan phase-done 1 (again)", "/plan phase-done 1", "writer");
    await requests;
    const dayAfter = utcDay();
    const head = gh.branchSha(REPO, BRANCH)!;
    heads.push(head);
    expect(gh.store.commit(head).parents).toEqual([heads[2]]);
    const at = heads[2]!.slice(0, 7);
    confirmedAgainAt = at;
    const expected = (day: string) => onDisk({ status: "In Progress", manual1: true, confirmation: `✅ Confirmed by @writer on ${day} at ${at}` });
    confirmedAgainOn = [dayBefore, dayAfter].find((d) => headFile()?.equals(bytes(expected(d)))) ?? dayBefore;
    expectBytes(headFile(), expected(confirmedAgainOn));
  }, 60_000);

  it("merge: pull_request.closed (merged) appends exactly one Change Log row on main; a redelivery adds nothing and writes nothing", async () => {
    const mergeSha = gh.mergePullRequest(REPO, 1);
    const mergedAt = new Date().toISOString();
    const payload = pullRequestPayload(gh, REPO, 1, "closed", { sender: "maria" });
    payload.pull_request = {
      ...payload.pull_request,
      merged_at: mergedAt,
      closed_at: mergedAt,
      merge_commit_sha: mergeSha,
      merged_by: { ...payload.pull_request.user, login: "maria", type: "User" },
    };
    expect(payload.pull_request.merged).toBe(true);
    const merged = onDisk({ status: "In Progress", manual1: true, confirmation: `✅ Confirmed by @writer on ${confirmedAgainOn} at ${confirmedAgainAt}` });
    expectBytes(gh.fileAt(REPO, "main", PLAN), merged);

    const delivery = randomUUID();
    const reqs = await send("pull_request.closed (merged)", "pull_request", payload, delivery);
    const row = `| ${mergedAt.slice(0, 10)} | @maria | #1 Export cache: index \\| invalidation — Phase 1 confirmed; Status Approved → In Progress |`;
    const expected = onDisk({ status: "In Progress", manual1: true, confirmation: `✅ Confirmed by @writer on ${confirmedAgainOn} at ${confirmedAgainAt}`, extraRow: row });
    const main1 = gh.branchSha(REPO, "main")!;
    expect(gh.store.commit(main1).parents).toEqual([mergeSha]);
    expectBytes(gh.fileAt(REPO, "main", PLAN), expected);
    expect(reqs.filter(isCommitMutation)).toHaveLength(1);

    const again = await send("pull_request.closed (merged), redelivered", "pull_request", payload, delivery);
    expect(gh.branchSha(REPO, "main")).toBe(main1);
    expectBytes(gh.fileAt(REPO, "main", PLAN), expected);
    expect(again.filter(isWrite).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  }, 60_000);
});
