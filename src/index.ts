// The library entry (`import … from "plan-hygiene"`): the pure core and the three GitHub
// workflows, for running plan-hygiene outside Probot (a GitHub Action, a script with an
// @octokit/rest client and a token).
export * from "./plan/index.js";
export type * from "./plan/types.js";
export type { Finding, Rule, RuleReport, Severity } from "./rules/types.js";
export { rules, findRule } from "./rules/index.js";
export { ruleDocsUrl } from "./rules/docs-url.js";
export { lintPlan } from "./lint/lint-plan.js";
export { lintText } from "./lint/lint-text.js";
export { configSchema, defaultConfig, type Config, type ConfigInput } from "./config/schema.js";
export { loadConfig, validateConfigObject, type ConfigError } from "./config/load.js";
export { isPlanPath } from "./config/plan-paths.js";
export { splice, type Replacement } from "./edit/splice.js";
export type { GitHubClient } from "./github/client.js";
export { checkPullRequest, type CheckDeps, type CheckOutcome } from "./core/check-pull-request.js";
export { runPlanCommand } from "./core/run-plan-command.js";
export { appendChangelogOnMerge } from "./core/append-changelog-on-merge.js";
export { createApp } from "./app.js";
