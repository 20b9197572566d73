import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Octokit } from "@octokit/rest";
import { parsePlan } from "../../src/plan/parse.js";
import { findStaleConfirmations } from "../../src/github/find-stale-confirmations.js";
import { namesFile } from "../../src/commands/stale-confirmations.js";
import { FakeGitHub } from "../helpers/fake-github.js";

const REPO = "acme/app";
const PLAN = "docs/plans/limits.md";
const LF = readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8");

let gh: FakeGitHub;
let stop: () => void;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const octokit = new Octokit({ auth: "ghs_test", log: quiet });

beforeEach(() => {
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { [PLAN]: LF, "src/limits/bucket.ts": "a\n", "src/routes/export.ts": "b\n" } });
  stop = gh.interceptWithNock();
});
afterEach(() => stop());

function confirmAt(sha: string, text = LF) {
  return text.replace("before Phase 2 wires it in.\n", `before Phase 2 wires it in.\n\n✅ Confirmed by @dana on 2026-02-01 at ${sha.slice(0, 7)}\n`);
}

describe("findStaleConfirmations", () => {
  it("notices a confirmed phase whose named files changed after the confirmation commit", async () => {
    const confirmedAt = gh.branchSha(REPO, "main")!;
    gh.commit(REPO, "main", { [PLAN]: confirmAt(confirmedAt) });
    const head = gh.commit(REPO, "main", { "src/limits/bucket.ts": "changed\n", "README.md": "x\n" });
    const plan = parsePlan(confirmAt(confirmedAt), PLAN);
    gh.clearRequests();
    const findings = await findStaleConfirmations(octokit, { owner: "acme", repo: "app", headSha: head }, plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "stale-confirmation", severity: "notice", path: PLAN, line: plan.phases[0].gate!.confirmation!.span.start.line });
    expect(findings[0].message).toContain(`Phase 1 was confirmed at ${confirmedAt.slice(0, 7)}, but later commits changed files it names: \`src/limits/bucket.ts\``);
    expect(gh.apiRequests().map((r) => r.path)).toEqual([`/repos/${REPO}/compare/${confirmedAt.slice(0, 7)}...${head}`]);
  });

  it("says nothing when only other files changed, or nothing changed since", async () => {
    const confirmedAt = gh.branchSha(REPO, "main")!;
    const head = gh.commit(REPO, "main", { "src/routes/export.ts": "phase 2's file\n" });
    const plan = parsePlan(confirmAt(confirmedAt), PLAN);
    expect(await findStaleConfirmations(octokit, { owner: "acme", repo: "app", headSha: head }, plan)).toEqual([]);
    gh.clearRequests();
    expect(await findStaleConfirmations(octokit, { owner: "acme", repo: "app", headSha: confirmedAt }, plan)).toEqual([]);
    expect(gh.apiRequests()).toEqual([]);
  });

  it("notices a confirmation commit that is no longer in the history", async () => {
    const plan = parsePlan(confirmAt("deadbee"), PLAN);
    const findings = await findStaleConfirmations(octokit, { owner: "acme", repo: "app", headSha: gh.branchSha(REPO, "main")! }, plan);
    expect(findings.map((f) => f.message)).toEqual([expect.stringContaining("deadbee, which is no longer in this branch's history")]);
  });
});

describe("namesFile", () => {
  it("matches exact paths, path tails and folders", () => {
    expect(namesFile("src/limits/bucket.ts", "src/limits/bucket.ts")).toBe(true);
    expect(namesFile("/limits/bucket.ts", "src/limits/bucket.ts")).toBe(true);
    expect(namesFile("src/limits/", "src/limits/x.ts")).toBe(true);
    expect(namesFile("bucket.ts", "src/limits/mybucket.ts")).toBe(false);
    expect(namesFile("", "a")).toBe(false);
  });
});
