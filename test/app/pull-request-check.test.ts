import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { defaultConfig } from "../../src/config/schema.js";
import { lintText } from "../../src/lint/lint-text.js";
import { fileListView } from "../../src/repo/file-list-view.js";
import { corpusPlan, planTemplate } from "../helpers/corpus.js";
import { FakeGitHub } from "../helpers/fake-github.js";
import { pullRequestPayload } from "../helpers/payloads.js";
import { startTestProbot, type TestProbot } from "../helpers/probot-harness.js";

// The pull_request handlers in-process: real Probot, real payloads, the fake GitHub via nock.

const REPO = "octo-org/octo-repo";
const PLAN = "docs/plans/tied-species.md";
const MARKER = "<!-- plan-hygiene:summary -->";

describe("pull_request → Plan hygiene check", () => {
  let gh: FakeGitHub;
  let bot: TestProbot;
  const text = corpusPlan("044-tied-species-reporting.md");
  const expected = lintText(text, PLAN, defaultConfig);

  beforeEach(async () => {
    gh = new FakeGitHub();
    gh.addRepo(REPO, { files: { "README.md": "# octo\n", "src/types.rs": "struct A;\n" } });
    bot = await startTestProbot(gh);
  });
  afterEach(() => bot.stop());

  const openPr = (files: Record<string, string | Buffer | null>, options: { body?: string; draft?: boolean } = {}) => {
    gh.commit(REPO, "feature", files);
    return gh.openPullRequest(REPO, { head: "feature", title: "Tied species", body: options.body ?? "Implements phase 1.", draft: options.draft, user: "alice" });
  };

  it("posts a completed check with the plan's findings as annotations and one sticky comment, with 3 throttled requests", async () => {
    const pr = openPr({ [PLAN]: text, "src/types.rs": "struct A { alternatives: Vec<u32> }\n", "src/other.rs": "fn x() {}\n" });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));

    const head = gh.branchSha(REPO, "feature") as string;
    // 044 is `implemented` (Completed): every file its phases name is checked against the head's tree.
    const expected = lintText(text, PLAN, defaultConfig, { repo: fileListView(gh.filesAt(REPO, head), { where: `at commit \`${head.slice(0, 7)}\``, complete: true }) });
    expect(expected.findings.filter((f) => f.rule === "done-without-change").length).toBeGreaterThan(0);
    const [run, ...others] = gh.checkRuns(REPO, head);
    expect(others).toHaveLength(0);
    const errors = expected.findings.filter((f) => f.severity === "error").length;
    expect(run).toMatchObject({ name: "Plan hygiene", status: "completed", conclusion: errors > 0 ? "failure" : "success" });
    expect(run!.output.title).toMatch(/in 1 plan$/);
    expect(run!.output.summary).toContain("docs/plans/tied-species.md");
    expect(run!.annotations.map((a) => [a.path, a.start_line, a.title])).toEqual(expected.findings.map((f) => [PLAN, f.line, f.rule]));

    const comments = gh.comments(REPO, pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(MARKER)).toBe(true);
    expect(comments[0]!.user.login).toBe(gh.botLogin);
    // The phase naming src/types.rs shows it as changed; src/other.rs is named by no phase.
    const phase1 = comments[0]!.body.split("\n").find((l) => l.includes("#L127"));
    expect(phase1).toContain("`src/types.rs`");
    // the missing-files column: Phase 2 (done, the plan is Completed) names src/classify.rs, absent here
    expect(comments[0]!.body).toContain("| Gate | Missing |");
    expect(comments[0]!.body.split("\n").find((l) => l.includes("#L207"))).toMatch(/named files? missing: .*`src\/classify\.rs`/);
    expect(comments[0]!.body).toMatch(/Unplanned changes.*`src\/other\.rs`/);
    expect(comments[0]!.body).toContain(`https://github.com/${REPO}/blob/${head}/docs/plans/tied-species.md#L127`);

    const calls = gh.apiRequests().map((r) => `${r.method} ${r.path.replace(/\d+$/, ":id")}`);
    // plain REST reads (in parallel, no throttle slot), then the writes; this 68 KB plan parses in a
    // worker, so the run is created in progress first
    expect(calls.filter((c) => c.startsWith("GET")).sort()).toEqual([
      "GET /repos/octo-org/.github/contents/.github/plan-hygiene.yml",
      `GET /repos/${REPO}/contents/.github/plan-hygiene.yml`,
      `GET /repos/${REPO}/contents/${PLAN}`,
      `GET /repos/${REPO}/git/trees/${head.replace(/\d+$/, ":id")}`, // done-without-change: which named files exist
      `GET /repos/${REPO}/issues/1/comments`,
      `GET /repos/${REPO}/pulls/1/files`,
    ]);
    expect(calls.filter((c) => !c.startsWith("GET"))).toEqual([`POST /repos/${REPO}/check-runs`, `PATCH /repos/${REPO}/check-runs/:id`, `POST /repos/${REPO}/issues/1/comments`]);
  });

  it("edits the one sticky comment on a new push, and leaves it alone when nothing changed", async () => {
    const pr = openPr({ [PLAN]: text });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    gh.commit(REPO, "feature", { "src/types.rs": "struct B;\n" });
    gh.clearRequests();
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "synchronize"));
    const comments = gh.comments(REPO, pr.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain((gh.branchSha(REPO, "feature") as string).slice(0, 7));
    expect(gh.apiRequests().filter((r) => r.method === "PATCH" && r.path.includes("/issues/comments/"))).toHaveLength(1);

    gh.clearRequests();
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "synchronize"));
    expect(gh.apiRequests().some((r) => r.path.includes("/comments") && r.method !== "GET")).toBe(false);
    expect(gh.comments(REPO, pr.number)).toHaveLength(1);
  });

  it("request count is flat: 20 plans cost what 1 plan costs", async () => {
    // a corpus plan with one finding each: 20 annotations fit in one request
    const files: Record<string, string> = {};
    for (let i = 0; i < 20; i++) files[`docs/plans/plan-${i}.md`] = corpusPlan("018-context-enhancements.md");
    const pr = openPr(files);
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    const run = gh.checkRuns(REPO)[0]!;
    expect(run.output.title).toMatch(/in 20 plans$/);
    // files, ONE GraphQL read of the 20 plans + config + comments, the check run created completed, the comment
    expect(gh.apiRequests().map((r) => `${r.method} ${r.path.replace(`/repos/${REPO}`, "")}`)).toEqual(["GET /pulls/1/files", "POST /graphql", "POST /check-runs", "POST /issues/1/comments"]);
  });

  it("a PR that touches and names no plan gets a neutral check and no comment", async () => {
    const pr = openPr({ "src/types.rs": "struct C;\n", "notes/readme-ish.md": "# Notes\n\nJust notes.\n" });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    expect(gh.checkRuns(REPO)[0]).toMatchObject({ conclusion: "neutral", output: { title: "No plan in this change" } });
    expect(gh.comments(REPO, pr.number)).toHaveLength(0);
  });

  it("check.noPlan: skip posts nothing at all for such a PR", async () => {
    gh.commit(REPO, "main", { ".github/plan-hygiene.yml": "check:\n  noPlan: skip\n" });
    const pr = openPr({ "src/types.rs": "struct C;\n" });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    expect(gh.checkRuns(REPO)).toHaveLength(0);
    expect(gh.apiRequests().filter((r) => r.method !== "GET")).toEqual([]); // reads only
  });

  it("drafts are checked but commented on only once ready for review", async () => {
    const pr = openPr({ [PLAN]: text }, { draft: true });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    expect(gh.checkRuns(REPO)).toHaveLength(1);
    expect(gh.comments(REPO, pr.number)).toHaveLength(0);
    pr.draft = false;
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "ready_for_review"));
    expect(gh.comments(REPO, pr.number)).toHaveLength(1);
  });

  it("checks plans the description names (path or blob link to this repo), not other repos' links", async () => {
    gh.commit(REPO, "main", { "docs/plans/named.md": planTemplate(), "docs/plans/other.md": planTemplate() });
    const body = [
      "Follows [the plan](https://github.com/octo-org/octo-repo/blob/main/docs/plans/named.md#L10).",
      "Unrelated: https://github.com/someone/else/blob/main/docs/plans/other.md",
    ].join("\n");
    const pr = openPr({ "src/types.rs": "struct D;\n" }, { body });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    const run = gh.checkRuns(REPO)[0]!;
    expect(run.output.summary).toContain("docs/plans/named.md");
    expect(run.output.summary).toContain("named in the description");
    expect(run.output.summary).not.toContain("other.md");
  });

  it("re-checks on a description edit, but not on a title-only edit", async () => {
    const pr = openPr({ "src/types.rs": "struct E;\n" });
    gh.clearRequests();
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "edited", { changes: { title: { from: "old" } } }));
    expect(gh.apiRequests()).toHaveLength(0);
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "edited", { changes: { body: { from: "" } } }));
    expect(gh.checkRuns(REPO)).toHaveLength(1);
  });

  it("a broken configuration fails the check with the error and its line, without crashing", async () => {
    gh.commit(REPO, "main", { ".github/plan-hygiene.yml": "comment:\n  mode: sometimes\nplans:\n  include: [\"docs/**/*.md\"]\n" });
    const pr = openPr({ [PLAN]: text });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    const run = gh.checkRuns(REPO)[0]!;
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toMatch(/^Configuration error/);
    expect(run.output.summary).toMatch(/plan-hygiene\.yml.* line 2: .*mode/);
    expect(run.annotations.find((a) => a.path === ".github/plan-hygiene.yml")).toMatchObject({ start_line: 2, annotation_level: "failure" });
    // the valid part (plans.include) still applies: the plan was checked
    expect(run.output.summary).toContain(PLAN);
  });

  it("follows _extends to the organisation's shared configuration", async () => {
    gh.addRepo("octo-org/policies", { files: { ".github/plan-hygiene.yml": "comment:\n  mode: never\n" } });
    gh.commit(REPO, "main", { ".github/plan-hygiene.yml": "_extends: policies\n" });
    const pr = openPr({ [PLAN]: text });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    expect(gh.checkRuns(REPO)[0]!.conclusion).not.toBe("neutral");
    expect(gh.comments(REPO, pr.number)).toHaveLength(0);
    expect(gh.apiRequests().filter((r) => r.path === "/repos/octo-org/policies/contents/.github/plan-hygiene.yml")).toHaveLength(1);
  });

  it("falls back to the owner's .github repository configuration", async () => {
    gh.addRepo("octo-org/.github", { files: { ".github/plan-hygiene.yml": "check:\n  noPlan: skip\n" } });
    const pr = openPr({ "src/types.rs": "struct F;\n" });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    expect(gh.checkRuns(REPO)).toHaveLength(0);
  });

  it("completes the check as failed, honestly, when GitHub errors mid-way", async () => {
    const pr = openPr({ [PLAN]: text });
    gh.failNext("GET", /\/contents\/docs\/plans\//, 502);
    await expect(bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"))).rejects.toThrow();
    const [run] = gh.checkRuns(REPO);
    expect(run).toMatchObject({ status: "completed", conclusion: "failure", output: { title: "The plan check could not run" } });
    expect(run!.output.summary).toContain("HTTP 502");
  });

  it("does not lint a plan that is not UTF-8 (GraphQL's lossy text), and says so in the check", async () => {
    const latin1 = Buffer.concat([Buffer.from("# Plan\n\n## Phase 1: Caf", "latin1"), Buffer.from([0xe9]), Buffer.from("\n\n- [ ] Open question?\n", "latin1")]);
    const pr = openPr({ "docs/plans/latin1.md": latin1 });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    const [run] = gh.checkRuns(REPO, gh.branchSha(REPO, "feature") as string);
    expect(run!.output.summary).toContain("Not checked because they are not UTF-8 text: `docs/plans/latin1.md`");
    expect(run!.annotations).toEqual([]);
  });

  it("ignores events its own bot caused", async () => {
    const pr = openPr({ [PLAN]: text });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "synchronize", { sender: gh.botLogin }));
    expect(gh.checkRuns(REPO)).toHaveLength(0);
    expect(gh.apiRequests()).toHaveLength(0);
  });

  it("annotates at most 50 findings, errors first, in the one request that completes the run; the rest are in the summary", async () => {
    const many = planTemplate() + "\n" + Array.from({ length: 60 }, (_, i) => `\n## Phase ${i + 1}: Step ${i}\n\nTBD\n`).join("");
    const lint = lintText(many, "docs/plans/many.md", defaultConfig);
    expect(lint.findings.length).toBeGreaterThan(50);
    const pr = openPr({ "docs/plans/many.md": many });
    await bot.receive("pull_request", pullRequestPayload(gh, REPO, pr.number, "opened"));
    const run = gh.checkRuns(REPO)[0]!;
    expect(run.annotations).toHaveLength(50);
    const errors = lint.findings.filter((f) => f.severity === "error").length;
    expect(run.annotations.slice(0, Math.min(errors, 50)).every((a) => a.annotation_level === "failure")).toBe(true);
    expect(run.history).toHaveLength(1);
    expect(run.history[0]).toMatchObject({ status: "completed" });
    expect(run.output.summary).toContain(`${lint.findings.length - 50} more findings beyond the first 50 (errors first) are listed below but not annotated`);
  });
});
