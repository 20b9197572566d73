import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { ACTIONS_BOT, FakeGitHub } from "../helpers/fake-github.js";
import { corpusPlan } from "../helpers/corpus.js";
import { pushPayload } from "../helpers/payloads.js";
import { DASHBOARD_MARKER } from "../../src/report/dashboard.js";
import { checkoutTrackedFiles, runBundle } from "./action-process.js";

// The committed bundle on `push` and `schedule`: the same dashboard issue as the App, authored by
// the job's GITHUB_TOKEN (github-actions[bot]).

const REPO = "acme/plans";
const PLAN = "docs/plans/context-enhancements.md";

let checkout: ReturnType<typeof checkoutTrackedFiles>;
let gh: FakeGitHub;
let server: Awaited<ReturnType<FakeGitHub["listen"]>>;

beforeAll(async () => {
  checkout = checkoutTrackedFiles();
  gh = new FakeGitHub();
  gh.addRepo(REPO, { files: { "README.md": "# plans\n" } });
  server = await gh.listen();
});
afterAll(async () => {
  checkout.remove();
  await server.close();
});

const run = (eventName: string, payload: unknown) => runBundle(checkout.dir, { eventName, payload, repository: REPO, apiUrl: server.url, token: gh.actionsToken() });
const push = (files: Record<string, string>) => {
  const before = gh.branchSha(REPO, "main") as string;
  gh.commit(REPO, "main", files);
  return run("push", pushPayload(gh, REPO, before));
};

describe("dist/action.js on push and schedule", () => {
  it("creates the dashboard on a push adding a plan, edits it on schedule, and makes no request for a push touching no plan", async () => {
    const first = await push({ [PLAN]: corpusPlan("018-context-enhancements.md") });
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("plan-hygiene: dashboard #1 created, 1 plan.");
    const [issue, ...others] = gh.issues(REPO);
    expect(others).toHaveLength(0);
    expect(issue!.user.login).toBe(ACTIONS_BOT);
    expect(issue!.body!.startsWith(DASHBOARD_MARKER)).toBe(true);

    gh.commit(REPO, "main", { "docs/plans/tied-species.md": corpusPlan("044-tied-species-reporting.md") });
    const scheduled = await run("schedule", { schedule: "0 6 * * *" });
    expect(scheduled.code).toBe(0);
    expect(scheduled.stdout).toContain("plan-hygiene: dashboard #1 edited, 2 plans.");
    expect(gh.issues(REPO)).toHaveLength(1);
    expect(gh.issues(REPO)[0]!.body).toContain("docs/plans/tied-species.md");

    gh.clearRequests();
    const quiet = await push({ "src/app.ts": "export {};\n" });
    expect(quiet.stdout).toContain("plan-hygiene: dashboard not updated: no plan changed.");
    expect(gh.requests).toHaveLength(0);
  }, 60_000);
});
