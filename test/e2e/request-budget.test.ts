import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { corpusPlan } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { issueCommentPayload, pullRequestPayload } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/probot-harness.js";
import { describeRequests } from "../helpers/throttled.js";
import { deliver, ensureBuilt, fakeGitHubEnv, startMain, type MainProcess } from "./main-process.js";

// What each event costs under Probot's throttle, measured on the real server (`node lib/main.js`,
// production mode) against the fake GitHub over HTTP: requests that wait for a throttle slot
// (every write and every GraphQL request, 1 per second per installation) and all requests after
// the installation token, with the handler's wall time from its delivery log line.

const secret = randomBytes(24).toString("hex");
const PLAN_TEXT = corpusPlan("018-context-enhancements.md");

const GATED_PLAN = [
  "# Implementation Plan: Cache the export index",
  "",
  "**Status:** In Progress",
  "",
  "## Overview",
  "",
  "Cache the export index.",
  "",
  "## Implementation Phases",
  "",
  "### Phase 1: Index cache",
  "",
  "**Changes Required**:",
  "1. **File**: `src/export/index-cache.ts`",
  "",
  "**Success Criteria**:",
  "- **Automated**:",
  "  - [x] Unit tests pass",
  "- **Manual**:",
  "  - [x] Warm exports are fast",
  "",
  "**Confirmation Gate**: Warm exports are served from the cache on staging.",
  "",
  "### Phase 2: Invalidation",
  "",
  "**Changes Required**:",
  "1. **File**: `src/export/invalidate.ts`",
  "",
  "**Success Criteria**:",
  "- **Automated**:",
  "  - [ ] Invalidation tests pass",
  "",
  "**Confirmation Gate**: No stale export after an edit.",
  "",
  "## Open Questions",
  "",
  "None.",
  "",
  "## Change Log",
  "",
  "| Date | Author | Change |",
  "|------|--------|--------|",
  "| 2026-02-02 | @dana | Initial draft |",
  "",
].join("\n");

interface Row {
  event: string;
  throttled: number;
  total: number;
  ms: number;
  list: string;
}

describe("throttled and total requests per event (node lib/main.js)", () => {
  const gh = new FakeGitHub();
  let api: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let main: MainProcess;
  const rows: Row[] = [];

  /** Sends one event, waits for its delivery log line, records and returns what it cost. */
  async function measure(label: string, repo: string, name: string, payload: Record<string, any>): Promise<Row> {
    gh.clearRequests();
    const { status, summary } = await deliver(main, secret, name, payload, { timeoutMs: 60_000 });
    expect(status).toBeLessThan(300);
    expect(summary.outcome).toBe("ok");
    const row = { event: label, ...describeRequests(gh.apiRequests(), repo), ms: Number(summary.durationMs) };
    rows.push(row);
    return row;
  }

  beforeAll(async () => {
    ensureBuilt();
    api = await gh.listen();
    main = await startMain({ ...fakeGitHubEnv(gh, api, secret, testPrivateKey()), LOG_FORMAT: "json" });
  }, 120_000);

  afterAll(async () => {
    const table = rows.map((r) => `| ${r.event} | ${r.throttled} | ${r.total} | ${r.ms} |`).join("\n");
    const lists = rows.map((r) => `${r.event}: ${r.list}`).join("\n");
    process.stdout.write(`\n===== requests per event (* = waits for a throttle slot) =====\n| event | throttled | total | wall ms |\n| --- | --- | --- | --- |\n${table}\n${lists}\n`);
    if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
    await api?.close();
  });

  it.each([1, 20, 100])("pull_request with %i plan(s): 2 throttled with a new comment, 1 when it is unchanged, a flat total", async (n) => {
    const repo = `octo-org/budget-${n}`;
    gh.addRepo(repo, { files: { "README.md": "# r\n" } });
    const files: Record<string, string> = { "src/app.ts": "export {};\n" };
    for (let i = 0; i < n; i++) files[`docs/plans/plan-${i}.md`] = PLAN_TEXT.replace(/^# .*/m, (h) => `${h} (${i})`);
    const head = gh.commit(repo, "work", files);
    gh.openPullRequest(repo, { head: "work", title: `${n} plans` });

    const opened = await measure(`opened, ${n} plan(s), comment created`, repo, "pull_request", pullRequestPayload(gh, repo, 1, "opened"));
    expect(gh.checkRuns(repo, head).map((r) => r.status)).toEqual(["completed"]);
    expect(gh.comments(repo, 1)).toHaveLength(1);
    const again = await measure(`reopened, ${n} plan(s), comment unchanged`, repo, "pull_request", pullRequestPayload(gh, repo, 1, "reopened"));
    expect(gh.comments(repo, 1)).toHaveLength(1);
    const head2 = gh.commit(repo, "work", { "src/app.ts": "export const x = 1;\n" });
    const pushed = await measure(`synchronize, ${n} plan(s), comment edited`, repo, "pull_request", pullRequestPayload(gh, repo, 1, "synchronize"));
    expect(gh.checkRuns(repo, head2).map((r) => r.status)).toEqual(["completed"]);
    expect(gh.comments(repo, 1)[0]!.body).toContain(head2.slice(0, 7));

    const extra = n === 1 ? 0 : 1; // one batched read of many plans
    expect(again.throttled).toBe(1 + extra);
    expect(opened.throttled).toBe(2 + extra);
    expect(pushed.throttled).toBe(2 + extra);
    if (n === 1) expect(again.total).toBeLessThanOrEqual(6);
  }, 180_000);

  it("ticked-without-change costs nothing: a PR ticking Phase 2 without its files (notice) makes the same requests as one that changes them", async () => {
    const repo = "octo-org/budget-tick";
    gh.addRepo(repo, { files: { "docs/plans/cache.md": GATED_PLAN, "src/export/invalidate.ts": "export {};\n" } });
    const tick = GATED_PLAN.replace("  - [ ] Invalidation tests pass", "  - [x] Invalidation tests pass");
    gh.commit(repo, "tick-only", { "docs/plans/cache.md": tick });
    gh.openPullRequest(repo, { head: "tick-only", title: "Tick only" });
    const notice = await measure("opened, 1 plan ticked, no phase file changed (notice)", repo, "pull_request", pullRequestPayload(gh, repo, 1, "opened"));
    expect(gh.comments(repo, 1)[0]!.body).toContain("none of Phase 2's files changed here");
    gh.commit(repo, "tick-and-code", { "docs/plans/cache.md": tick, "src/export/invalidate.ts": "export const drop = 1;\n" });
    gh.openPullRequest(repo, { head: "tick-and-code", title: "Tick and code" });
    const silent = await measure("opened, 1 plan ticked, a phase file changed (no notice)", repo, "pull_request", pullRequestPayload(gh, repo, 2, "opened"));
    expect(gh.comments(repo, 2).map((c) => c.body).join("")).not.toContain("ticked-without-change");
    expect(notice.throttled).toBe(2);
    expect(silent.throttled).toBe(notice.throttled);
    expect(notice.total).toBe(silent.total);
  }, 60_000);

  it("the total is flat from 20 to 100 plans (but for the second page of a 101-file listing)", () => {
    const total = (event: string) => rows.find((r) => r.event === event)!.total;
    expect(total("reopened, 100 plan(s), comment unchanged")).toBeLessThanOrEqual(total("reopened, 20 plan(s), comment unchanged") + 1);
  });

  it("/plan phase-done: at most 4 throttled requests and 4 s, the check refreshed on the new head", async () => {
    const repo = "octo-org/budget-command";
    gh.addRepo(repo, { files: { "README.md": "# r\n", "docs/plans/cache.md": GATED_PLAN } });
    gh.setPermission(repo, "writer", "write");
    gh.commit(repo, "cache", { "src/export/index-cache.ts": "export const c = 1;\n", "docs/plans/cache.md": GATED_PLAN.replace("Cache the export index.", "Cache the export index (v2).") });
    gh.openPullRequest(repo, { head: "cache", title: "Cache" });
    await measure("opened (before the command)", repo, "pull_request", pullRequestPayload(gh, repo, 1, "opened"));
    rows.pop();
    // a person types the command later: the previous event's last write no longer holds the slot
    await new Promise((r) => setTimeout(r, 1100));
    const c = gh.addComment(repo, 1, "/plan phase-done 1", "writer");
    const row = await measure("/plan phase-done", repo, "issue_comment", issueCommentPayload(gh, repo, 1, { id: c.id, body: c.body, login: "writer" }));
    const head = gh.branchSha(repo, "cache")!;
    expect(gh.fileAt(repo, head, "docs/plans/cache.md")!.toString()).toMatch(/✅ Confirmed by @writer/);
    expect(gh.checkRuns(repo, head).map((r) => r.status)).toEqual(["completed"]);
    expect(gh.comments(repo, 1).filter((x) => x.body.startsWith("<!-- plan-hygiene:summary -->"))[0]!.body).toContain(head.slice(0, 7));
    expect(row.throttled).toBeLessThanOrEqual(4);
    expect(row.ms).toBeLessThanOrEqual(4000);
  }, 60_000);

  it("merge with one plan: at most 3 throttled requests, one Change Log row", async () => {
    const repo = "octo-org/budget-command";
    const mergeSha = gh.mergePullRequest(repo, 1);
    const payload = pullRequestPayload(gh, repo, 1, "closed", { sender: "writer" });
    const mergedAt = new Date().toISOString();
    payload.pull_request = { ...payload.pull_request, merged_at: mergedAt, closed_at: mergedAt, merge_commit_sha: mergeSha, merged_by: { ...payload.pull_request.user, login: "writer", type: "User" } };
    const row = await measure("merge (pull_request.closed), 1 plan", repo, "pull_request", payload);
    expect(gh.fileAt(repo, "main", "docs/plans/cache.md")!.toString()).toMatch(/\| @writer \| #1 /);
    expect(row.throttled).toBeLessThanOrEqual(3);
  }, 60_000);
});
