import { readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@jest/globals";
import { FakeGitHub } from "./fake-github.js";
import { issueCommentPayload, pullRequestPayload } from "./payloads.js";
import { startTestProbot, type TestProbot } from "./probot-harness.js";

// The app's three main flows on one fake repository — a PR check, `/plan phase-done 1`, and the
// merge that appends a Change Log row — for tests that inspect every request they send.

export const FLOW_REPO = "acme/app";
export const FLOW_PLAN = "docs/plans/limits.md";
const TEXT = `${readFileSync(path.resolve("test/fixtures/commands/small-plan.md"), "utf8")}\n## Change Log\n\n| Date | Author | Change |\n|------|--------|--------|\n| 2026-01-10 | Dana | Initial draft |\n`;

/** A repository with a plan, a PR changing it, a writer, and a running Probot. */
export async function setUpFlows(): Promise<{ gh: FakeGitHub; bot: TestProbot }> {
  const gh = new FakeGitHub();
  gh.addRepo(FLOW_REPO, { files: { [FLOW_PLAN]: TEXT, "src/limits/bucket.ts": "export {};\n" } });
  gh.commit(FLOW_REPO, "limits", { "src/limits/bucket.ts": "export const bucket = 1;\n", [FLOW_PLAN]: TEXT.replace("Limit `/export`", "Limit `/export` (and `/import`)") });
  gh.openPullRequest(FLOW_REPO, { head: "limits", title: "Rate limits", user: "dana" });
  gh.setPermission(FLOW_REPO, "writer", "write");
  return { gh, bot: await startTestProbot(gh) };
}

/** Runs the three flows and checks each did its work. */
export async function runMainFlows(gh: FakeGitHub, bot: TestProbot): Promise<void> {
  await bot.receive("pull_request", pullRequestPayload(gh, FLOW_REPO, 1, "opened"));
  const comment = gh.addComment(FLOW_REPO, 1, "/plan phase-done 1 soaked for an hour", "writer");
  await bot.receive("issue_comment", issueCommentPayload(gh, FLOW_REPO, 1, { id: comment.id, body: comment.body, login: "writer" }));
  expect(gh.fileAt(FLOW_REPO, "limits", FLOW_PLAN)?.toString()).toContain("✅ Confirmed by @writer");
  const mergeSha = gh.mergePullRequest(FLOW_REPO, 1);
  const closed = pullRequestPayload(gh, FLOW_REPO, 1, "closed", { sender: "maria" });
  const now = new Date().toISOString();
  closed.pull_request = { ...closed.pull_request, merged_at: now, closed_at: now, merge_commit_sha: mergeSha, merged_by: { ...closed.pull_request.user, login: "maria" } };
  await bot.receive("pull_request", closed);
  expect(gh.branchSha(FLOW_REPO, "main")).not.toBe(mergeSha); // the change-log row was committed on main
}
