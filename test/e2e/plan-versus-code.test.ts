import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/probot-harness.js";
import { describeRequests } from "../helpers/throttled.js";
import { deliver, ensureBuilt, fakeGitHubEnv, startMain, type MainProcess } from "./main-process.js";

// Plan versus code in the PR check, end to end: the real server (`node lib/main.js`, production
// mode) against the fake GitHub over HTTP. `ticked-without-change` (a PR that ticks a phase and
// changes none of its files) and `done-without-change` when GitHub truncates the recursive tree.

const secret = randomBytes(24).toString("hex");
const PLAN = "docs/plans/limits.md";
const STICKY = "<!-- plan-hygiene:summary -->";

function planText(phase2: "open" | "ticked"): string {
  const box = phase2 === "ticked" ? "x" : " ";
  return [
    "# Implementation Plan: Rate limits",
    "",
    "**Status:** In Progress",
    "",
    "## Overview",
    "",
    "Limit requests per tenant.",
    "",
    "## Implementation Phases",
    "",
    "### Phase 1: Token bucket",
    "",
    "**Changes Required**:",
    "1. **File**: `src/bucket.ts`",
    "",
    "**Success Criteria**:",
    "- [x] Bucket tests pass",
    "",
    "**Confirmation Gate**: Refills at the configured rate under load.",
    "",
    "### Phase 2: Response headers",
    "",
    "**Changes Required**:",
    "1. **File**: `src/a.ts`",
    "2. **File**: `src/b.ts:12-40`",
    "",
    "**Success Criteria**:",
    `- [${box}] Every response carries \`RateLimit-Remaining\``,
    `- [${box}] Header tests pass`,
    "",
    "**Confirmation Gate**: Headers verified on staging.",
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
}
/** The 1-based line of the first Phase 2 box. */
const FIRST_TICK = planText("open").split("\n").indexOf("- [ ] Every response carries `RateLimit-Remaining`") + 1;

describe("plan versus code in the PR check (node lib/main.js)", () => {
  const gh = new FakeGitHub();
  let api: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let main: MainProcess;

  beforeAll(async () => {
    ensureBuilt();
    api = await gh.listen();
    main = await startMain({ ...fakeGitHubEnv(gh, api, secret, testPrivateKey()), LOG_FORMAT: "json" });
  }, 120_000);

  afterAll(async () => {
    if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
    await api?.close();
  });

  async function openAndCheck(repo: string, branch: string, files: Record<string, string>, body?: string) {
    gh.commit(repo, branch, files);
    const pull = gh.openPullRequest(repo, { head: branch, title: branch, body });
    gh.clearRequests();
    const { status, summary } = await deliver(main, secret, "pull_request", pullRequestPayload(gh, repo, pull.number, "opened"), { timeoutMs: 60_000 });
    expect(status).toBeLessThan(300);
    expect(summary.outcome).toBe("ok");
    const head = gh.branchSha(repo, branch)!;
    const [run, ...others] = gh.checkRuns(repo, head);
    expect(others).toEqual([]);
    const sticky = gh.comments(repo, pull.number).find((c) => c.body.startsWith(STICKY));
    return { run: run!, sticky, requests: describeRequests(gh.apiRequests(), repo) };
  }

  const ticked = (annotations: { message: string; title?: string }[]) => annotations.filter((a) => `${a.title ?? ""} ${a.message}`.includes("ticked-without-change"));

  it("a PR that ticks Phase 2's criteria and changes none of its files gets a notice on the ticked line, in the check and the comment", async () => {
    const repo = "octo-org/limits-tick-only";
    gh.addRepo(repo, { files: { [PLAN]: planText("open"), "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 1;\n", "README.md": "# limits\n" } });
    const { run, sticky, requests } = await openAndCheck(repo, "tick-phase-2", { [PLAN]: planText("ticked"), "README.md": "# limits\n\nHeaders done.\n" });

    const notes = ticked(run.annotations);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ path: PLAN, start_line: FIRST_TICK, end_line: FIRST_TICK, annotation_level: "notice" });
    expect(notes[0]!.message).toContain(`Ticked in this PR (lines ${FIRST_TICK}, ${FIRST_TICK + 1}), but none of Phase 2's files changed here: \`src/a.ts\`, \`src/b.ts\`.`);
    expect(run.conclusion).not.toBe("failure");
    expect(sticky?.body).toContain("none of Phase 2's files changed here");
    // no request beyond those of a check without the notice: the base plan came from the listing's patch
    expect(requests.list).not.toContain("compare");
    expect(requests.list.match(/contents\/docs\/plans\/limits\.md/g)).toHaveLength(1);
    process.stdout.write(`\nticked-without-change, notice: ${requests.throttled} throttled / ${requests.total} total: ${requests.list}\n`);
  }, 60_000);

  it("a PR that ticks them and changes one of Phase 2's files gets nothing from the rule", async () => {
    const repo = "octo-org/limits-tick-and-change";
    gh.addRepo(repo, { files: { [PLAN]: planText("open"), "src/a.ts": "export const a = 1;\n", "src/b.ts": "export const b = 1;\n" } });
    const { run, sticky, requests } = await openAndCheck(repo, "headers", { [PLAN]: planText("ticked"), "src/b.ts": "export const b = 2;\n" });
    expect(ticked(run.annotations)).toEqual([]);
    expect(run.output.summary ?? "").not.toContain("ticked-without-change");
    expect(sticky?.body ?? "").not.toContain("ticked-without-change");
    process.stdout.write(`\nticked-without-change, silent: ${requests.throttled} throttled / ${requests.total} total: ${requests.list}\n`);
  }, 60_000);

  it("a truncated tree: named files are looked up in one bounded GraphQL read, and the check says which paths could not be checked", async () => {
    const repo = "octo-org/limits-huge-tree";
    const names = Array.from({ length: 100 }, (_, i) => `src/part-${String(i).padStart(3, "0")}.ts`);
    const plan = [
      "# Implementation Plan: Split the parser",
      "",
      "**Status:** In Progress",
      "",
      "## Implementation Phases",
      "",
      "### Phase 1: Split",
      "",
      "**Changes Required**:",
      "1. **File**: `src/missing.ts`",
      ...names.map((n, i) => `${i + 2}. **File**: \`${n}\``),
      `${names.length + 2}. **File**: \`lib/legacy/\``,
      "",
      "**Success Criteria**:",
      "- [x] Parser tests pass",
      "",
      "**Confirmation Gate**: Same output on the corpus.",
      "",
      "✅ Confirmed by @dana on 2026-11-24 at abc1234",
      "",
      "## Open Questions",
      "",
      "None.",
      "",
    ].join("\n");
    const files: Record<string, string> = { "README.md": "# parser\n", "lib/legacy/old.ts": "export {};\n" };
    for (const n of names) files[n] = "export {};\n";
    gh.addRepo(repo, { files });
    // GitHub stops the recursive listing early: only the README and the plan's folders are listed
    gh.treeEntryLimit = 4;
    try {
      const { run, requests } = await openAndCheck(repo, "split", { "docs/plans/split.md": plan });
      const trees = gh.apiRequests().filter((r) => r.path.includes("/git/trees/"));
      expect(trees).toHaveLength(1);
      const lookups = gh.apiRequests().filter((r) => r.path === "/graphql" && String((r.body as { query?: string }).query).includes("pathsExist"));
      expect(lookups).toHaveLength(1);
      const query = String((lookups[0]!.body as { query: string }).query);
      // 100 named paths, each also from the plan's folder (`docs/plans/src/…`, as spec-kit plans name them)
      expect(query.match(/object\(expression:/g)).toHaveLength(200);
      expect(JSON.stringify(lookups[0]!.body)).toContain(":docs/plans/src/missing.ts");

      const messages = run.annotations.map((a) => a.message);
      // looked up and absent: the usual warning; looked up and present: nothing
      expect(messages.filter((m) => m.includes("`src/missing.ts` missing at commit"))).toHaveLength(1);
      expect(messages.filter((m) => /`src\/part-0\d\d\.ts` missing/.test(m))).toEqual([]);
      // beyond the bound, and a directory (no lookup answers it): said so, as a notice
      const unknown = run.annotations.filter((a) => a.message.includes("could not be checked"));
      expect(unknown).toHaveLength(1);
      expect(unknown[0]!.annotation_level).toBe("notice");
      expect(unknown[0]!.message).toContain("GitHub truncated the repository tree; at most 100 paths were looked up one by one");
      expect(unknown[0]!.message).toMatch(/2 named paths that could not be checked .*: `src\/part-099\.ts`, `lib\/legacy\/`,/);
      process.stdout.write(`\ntruncated tree: ${requests.throttled} throttled / ${requests.total} total: ${requests.list}\n`);
    } finally {
      gh.treeEntryLimit = 100_000;
    }
  }, 60_000);
  const pausedPlan = [
    "# Implementation Plan: Export pagination",
    "",
    "**Status:** In Progress",
    "",
    "## Implementation Phases",
    "",
    "### Phase 1: Cursor",
    "",
    "**Changes Required**:",
    "1. **File**: `src/export/cursor.ts`",
    "",
    "**Success Criteria**:",
    "- [ ] Cursor tests pass",
    "",
    "**Confirmation Gate**: Pages are stable under writes.",
    "",
    "## Open Questions",
    "",
    "None.",
    "",
  ].join("\n");
  const stale = (annotations: { title?: string }[]) => annotations.filter((a) => a.title === "stale-plan");
  const historyReads = (list: string) => list.split(", ").filter((r) => r.startsWith("GET /commits"));

  it("stale-plan: a plan the description names, In Progress, untouched with its files for 30 days: a notice, from plain reads only", async () => {
    const repo = "octo-org/export-paused";
    // the fake dates commits from 2026-01-01: long before now
    gh.addRepo(repo, { files: { "docs/plans/paging.md": pausedPlan, "src/export/cursor.ts": "export {};\n" } });
    const { run, requests } = await openAndCheck(repo, "unrelated", { "src/other.ts": "export {};\n" }, "Part of docs/plans/paging.md.");
    const [notice, ...more] = stale(run.annotations);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ path: "docs/plans/paging.md", start_line: 3, annotation_level: "notice" });
    expect((notice as { message: string }).message).toMatch(/^Unexpected `In Progress` plan with no change since 2026-01-01 \(\d+ days\) to it or the file it names, expected a plan being worked on to change within 30 days/);
    // the plan, then its one named file: plain GETs, no throttle slot
    expect(historyReads(requests.list)).toEqual(["GET /commits", "GET /commits"]);
    expect(requests.throttled).toBe(2);
    process.stdout.write(`\nstale-plan, notice: ${requests.throttled} throttled / ${requests.total} total: ${requests.list}\n`);
  }, 60_000);

  it("stale-plan: nothing when a file the plan names changed recently; a plan the PR changes is not asked about", async () => {
    const repo = "octo-org/export-active";
    gh.addRepo(repo, { files: { "docs/plans/paging.md": pausedPlan, "src/export/cursor.ts": "export {};\n" } });
    gh.store.clock = Date.now() - 2 * 24 * 60 * 60 * 1000;
    gh.commit(repo, "main", { "src/export/cursor.ts": "export const cursor = 1;\n" });
    const named = await openAndCheck(repo, "unrelated", { "src/other.ts": "export {};\n" }, "Part of docs/plans/paging.md.");
    expect(stale(named.run.annotations)).toEqual([]);
    expect(historyReads(named.requests.list)).toHaveLength(2);
    const changed = await openAndCheck(repo, "plan-edit", { "docs/plans/paging.md": pausedPlan.replace("Cursor tests", "Cursor unit tests") });
    expect(stale(changed.run.annotations)).toEqual([]);
    expect(historyReads(changed.requests.list)).toEqual([]);
  }, 60_000);
});
