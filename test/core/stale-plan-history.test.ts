import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import { defaultConfig } from "../../src/config/schema.js";
import { addStalePlanFindings } from "../../src/core/stale-plan-history.js";
import { parsePlan } from "../../src/plan/parse.js";
import type { PlanResult } from "../../src/report/check-report.js";
import { FakeGitHub } from "../helpers/fake-github.js";

const REPO = "acme/app";
const PLAN = "docs/plans/paging.md";
const DAY = 24 * 60 * 60 * 1000;
const quiet = { debug() {}, info() {}, warn() {}, error() {} };
const octokit = new Octokit({ auth: "ghs_test", log: quiet });

const planText = (files: string[], status = "In Progress") =>
  [`# Plan: Paging`, "", `**Status:** ${status}`, "", "## Implementation Phases", "", "### Phase 1: Cursor", "", "**Changes Required**:", ...files.map((f, i) => `${i + 1}. **File**: \`${f}\``), "", "**Success Criteria**:", "- [ ] Tests pass", "", "**Confirmation Gate**: Stable pages.", ""].join("\n");

let gh: FakeGitHub;
let stop: () => void;
beforeEach(() => {
  gh = new FakeGitHub();
  stop = gh.interceptWithNock();
});
afterEach(() => stop());

async function check(text: string, options: { changed?: boolean; config?: typeof defaultConfig } = {}) {
  const head = gh.branchSha(REPO, "main") as string;
  const plans: PlanResult[] = [{ path: PLAN, plan: parsePlan(text, PLAN), findings: [], changed: options.changed ?? false }];
  gh.clearRequests();
  await addStalePlanFindings(octokit, { owner: "acme", repo: "app", headSha: head }, plans, options.config ?? defaultConfig);
  return { rules: plans[0]!.findings.map((f) => f.rule), asked: gh.apiRequests().map((r) => r.query.path) };
}

describe("addStalePlanFindings: stale-plan in the PR check, from plain commit reads", () => {
  it("asks the plan first and stops there when it changed recently", async () => {
    gh.store.clock = Date.now() - 3 * DAY;
    gh.addRepo(REPO, { files: { [PLAN]: planText(["src/a.ts"]), "src/a.ts": "x\n" } });
    expect(await check(planText(["src/a.ts"]))).toEqual({ rules: [], asked: [PLAN] });
  });

  it("asks each named path in order when the plan is old, and reports only when all are old", async () => {
    gh.addRepo(REPO, { files: { [PLAN]: planText(["src/a.ts", "src/dir/"]), "src/a.ts": "x\n", "src/dir/b.ts": "y\n" } });
    expect(await check(planText(["src/a.ts", "src/dir/"]))).toEqual({ rules: ["stale-plan"], asked: [PLAN, "src/a.ts", "src/dir"] });
    gh.store.clock = Date.now() - DAY;
    gh.commit(REPO, "main", { "src/dir/b.ts": "z\n" });
    expect(await check(planText(["src/a.ts", "src/dir/"]))).toEqual({ rules: [], asked: [PLAN, "src/a.ts", "src/dir"] });
  });

  it("stays silent when a path cannot be asked (a glob) or more than 10 are named, and asks nothing for a changed, Draft or disabled plan", async () => {
    gh.addRepo(REPO, { files: { [PLAN]: planText(["src/*.ts"]) } });
    expect((await check(planText(["src/*.ts"]))).rules).toEqual([]);
    const many = Array.from({ length: 11 }, (_, i) => `src/f${i}.ts`);
    const tooMany = await check(planText(many));
    expect(tooMany.rules).toEqual([]);
    expect(tooMany.asked).toHaveLength(10);
    expect((await check(planText(["src/a.ts"]), { changed: true })).asked).toEqual([]);
    expect((await check(planText(["src/a.ts"], "Draft"))).asked).toEqual([]);
    expect((await check(planText(["src/a.ts"]), { config: { ...defaultConfig, rules: { "stale-plan": "off" } } })).asked).toEqual([]);
  });
});
