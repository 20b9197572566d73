import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { corpusPlan } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { testPrivateKey } from "../helpers/probot-harness.js";
import { deliver, ensureBuilt, fakeGitHubEnv, sendWebhook, startMain, waitFor, type MainProcess } from "./main-process.js";

// GitHub's real failure modes against the real server (`node lib/main.js`, Probot's retry and
// throttle plugins on): each case must end with exactly one sticky comment and a completed
// "Plan hygiene" run on the PR's head.

const secret = randomBytes(24).toString("hex");
const PLAN = "docs/plans/context.md";
const MARKER = "<!-- plan-hygiene:summary -->";
// GitHub's answer to a request refused by a secondary rate limit (403 + retry-after).
const SECONDARY = { message: "You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.", documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits" };
const BAD_GATEWAY_HTML = "<html><body><h1>502 Bad Gateway</h1>\nThe server returned an invalid or incomplete response.\n</body></html>\n";

describe("one sticky comment and a completed check run, whatever GitHub answers", () => {
  const gh = new FakeGitHub();
  let api: Awaited<ReturnType<FakeGitHub["listen"]>>;
  let main: MainProcess;
  let n = 0;

  function openPr(): { repo: string; head: string } {
    const repo = `octo-org/faults-${++n}`;
    gh.addRepo(repo, { files: { "README.md": "# r\n" } });
    const head = gh.commit(repo, "work", { [PLAN]: corpusPlan("018-context-enhancements.md"), "src/app.ts": "export {};\n" });
    gh.openPullRequest(repo, { head: "work", title: "Context" });
    return { repo, head };
  }
  const stickies = (repo: string) => gh.comments(repo, 1).filter((c) => c.body.startsWith(MARKER));
  const runs = (repo: string, head: string) => gh.checkRuns(repo, head).filter((r) => r.name === "Plan hygiene");

  beforeAll(async () => {
    ensureBuilt();
    api = await gh.listen();
    main = await startMain({ ...fakeGitHubEnv(gh, api, secret, testPrivateKey()), LOG_FORMAT: "json" });
  }, 120_000);

  afterAll(async () => {
    if (main && main.child.exitCode === null) main.child.kill("SIGKILL");
    await api?.close();
  });

  it("a comment creation answered 502 after it took effect is not re-sent: one comment", async () => {
    const { repo, head } = openPr();
    gh.failNext("POST", /\/issues\/1\/comments$/, 502, { after: true, body: BAD_GATEWAY_HTML });
    await deliver(main, secret, "pull_request", pullRequestPayload(gh, repo, 1, "opened"), { timeoutMs: 30_000 });
    expect(stickies(repo)).toHaveLength(1);
    expect(runs(repo, head).map((r) => r.status)).toEqual(["completed"]);
    expect(gh.requests.filter((r) => r.method === "POST" && r.path.endsWith("/issues/1/comments"))).toHaveLength(1);
  }, 60_000);

  it("a check-run creation answered 403 secondary rate limit with retry-after: waited out, then one completed run", async () => {
    const { repo, head } = openPr();
    gh.clearRequests();
    gh.failNext("POST", /\/check-runs$/, 403, { body: SECONDARY, headers: { "retry-after": "2" } });
    const started = Date.now();
    const { summary } = await deliver(main, secret, "pull_request", pullRequestPayload(gh, repo, 1, "opened"), { timeoutMs: 30_000 });
    expect(summary.outcome).toBe("ok");
    const creates = gh.requests.filter((r) => r.method === "POST" && r.path.endsWith("/check-runs"));
    expect(creates.map((r) => r.status)).toEqual([403, 201]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(runs(repo, head).map((r) => [r.status, r.conclusion])).toEqual([["completed", "success"]]);
    expect(stickies(repo)).toHaveLength(1);
  }, 60_000);

  it("a plan read answered 502 with an HTML body: re-read, one comment, a completed run", async () => {
    const { repo, head } = openPr();
    gh.clearRequests();
    gh.failNext("GET", /\/contents\/docs\/plans\/context\.md$/, 502, { body: BAD_GATEWAY_HTML });
    const { summary } = await deliver(main, secret, "pull_request", pullRequestPayload(gh, repo, 1, "opened"), { timeoutMs: 30_000 });
    expect(summary.outcome).toBe("ok");
    expect(gh.requests.filter((r) => r.path.endsWith(`/contents/${PLAN}`)).map((r) => r.status)).toEqual([502, 200]);
    expect(runs(repo, head).map((r) => r.status)).toEqual(["completed"]);
    expect(runs(repo, head)[0]!.output.title).toMatch(/in 1 plan$/);
    expect(stickies(repo)).toHaveLength(1);
  }, 60_000);

  it("three deliveries for one PR sent at the same moment: one sticky comment, the head checked", async () => {
    const { repo, head } = openPr();
    const responses = await Promise.all(["opened", "reopened", "synchronize"].map((action) => sendWebhook(main.url, secret, "pull_request", pullRequestPayload(gh, repo, 1, action))));
    for (const res of responses) expect(res.status).toBeLessThan(300);
    await waitFor(() => runs(repo, head).some((r) => r.status === "completed") && stickies(repo).length > 0, 30_000);
    await new Promise((r) => setTimeout(r, 4000)); // let a coalesced follow-up finish
    expect(stickies(repo)).toHaveLength(1);
    expect(runs(repo, head).every((r) => r.status === "completed")).toBe(true);
    expect(runs(repo, head).length).toBeLessThanOrEqual(2); // the running check + at most the newest waiting one
  }, 60_000);

  it("a redelivery of a handled delivery id is answered 2xx and does nothing", async () => {
    const { repo } = openPr();
    const delivery = crypto.randomUUID();
    await deliver(main, secret, "pull_request", pullRequestPayload(gh, repo, 1, "opened"), { delivery, timeoutMs: 30_000 });
    gh.clearRequests();
    const { status, summary } = await deliver(main, secret, "pull_request", pullRequestPayload(gh, repo, 1, "opened"), { delivery, timeoutMs: 30_000 });
    expect(status).toBeLessThan(300);
    expect(summary.outcome).toBe("skipped");
    expect(gh.apiRequests()).toEqual([]);
  }, 60_000);
});
