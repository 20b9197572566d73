import { describe, expect, it } from "@jest/globals";
import { pushTouchesPlans } from "../../src/core/push-touches-plans.js";
import { defaultConfig } from "../../src/config/schema.js";
import { createRequire } from "node:module";
import { examplePayload } from "../helpers/payloads.js";

// Which pushes update the dashboard, decided from the payload alone (real example payloads).

const require = createRequire(import.meta.url);
const pushes = (require("@octokit/webhooks-examples") as { name: string; examples: Record<string, any>[] }[]).find((d) => d.name === "push")!.examples;
/** The examples' push to refs/heads/master (default branch master), with these commits. */
const branchPush = (changes: { added?: string[]; removed?: string[]; modified?: string[] }[], patch: Record<string, unknown> = {}) => {
  const example = structuredClone(pushes.find((e) => String(e.ref).startsWith("refs/heads/") && e.commits.length > 0)!);
  const commits = changes.map((c) => ({ ...example.commits[0], added: c.added ?? [], removed: c.removed ?? [], modified: c.modified ?? [] }));
  return { ...example, commits, head_commit: commits.at(-1) ?? null, ...patch } as any;
};

describe("pushTouchesPlans", () => {
  const custom = { ...defaultConfig.plans, include: ["design/**/*.md"] };

  it("counts a push to the default branch that adds, changes, renames or removes a plan path", () => {
    expect(pushTouchesPlans(branchPush([{ added: ["docs/plans/a.md"] }], { ref: "refs/heads/master" }), defaultConfig.plans)).toMatchObject({ touches: true, reason: "changes docs/plans/a.md" });
    expect(pushTouchesPlans(branchPush([{ modified: ["src/a.ts"] }, { removed: ["docs/plans/old.md"] }], { ref: "refs/heads/master" }), defaultConfig.plans).touches).toBe(true);
    expect(pushTouchesPlans(branchPush([{ modified: ["design/x.md"] }], { ref: "refs/heads/master" }), custom).touches).toBe(true);
  });

  it("ignores pushes touching no plan, to other branches or tags, and branch deletions", () => {
    expect(pushTouchesPlans(branchPush([{ modified: ["src/a.ts", "README.md"] }], { ref: "refs/heads/master" }), defaultConfig.plans)).toMatchObject({ touches: false, reason: "no plan changed" });
    expect(pushTouchesPlans(branchPush([{ added: ["docs/plans/a.md"] }], { ref: "refs/heads/feature" }), null).touches).toBe(false);
    expect(pushTouchesPlans(examplePayload("push") as any, null).touches).toBe(false);
    expect(pushTouchesPlans(branchPush([], { ref: "refs/heads/master", deleted: true }), null).touches).toBe(false);
  });

  it("while the globs are not known, any markdown file counts; the config file always counts", () => {
    expect(pushTouchesPlans(branchPush([{ modified: ["design/x.md"] }], { ref: "refs/heads/master" }), null).touches).toBe(true);
    expect(pushTouchesPlans(branchPush([{ modified: ["design/x.md"] }], { ref: "refs/heads/master" }), defaultConfig.plans).touches).toBe(false);
    expect(pushTouchesPlans(branchPush([{ modified: [".github/plan-hygiene.yml"] }], { ref: "refs/heads/master" }), defaultConfig.plans)).toMatchObject({ touches: true, configChanged: true });
  });

  it("counts a push whose payload cannot list its changes (a force-push back to an older commit)", () => {
    expect(pushTouchesPlans(branchPush([], { ref: "refs/heads/master", forced: true }), defaultConfig.plans).touches).toBe(true);
  });
});
