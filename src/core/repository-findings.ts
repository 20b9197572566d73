import type { Config } from "../config/schema.js";
import { addPlanFindings } from "./add-plan-findings.js";
import type { GitHubClient } from "../github/client.js";
import { readTree } from "../github/read-tree.js";
import { lintPlan } from "../lint/lint-plan.js";
import { phaseNamedPaths, taskNamedPaths } from "../plan/named-paths.js";
import type { PlanDocument } from "../plan/types.js";
import { fileListView } from "../repo/file-list-view.js";
import { doneClaim } from "../rules/done-claim.js";
import { doneWithoutChange } from "../rules/done-without-change.js";
import { isRuleOff } from "../rules/rule-setting.js";
import type { PlanResult } from "../report/check-report.js";

/**
 * `done-without-change` for the PR check: when some plan has a done phase or a ticked task that
 * names files, ONE tree read at the head (plain REST, not throttled; a bounded GraphQL lookup
 * only when GitHub truncates the tree). Adds the findings and the view (for the comment's
 * missing-files column) to each plan. No request at all when nothing claims done.
 */
export async function addRepositoryFindings(
  octokit: GitHubClient,
  target: { owner: string; repo: string; headSha: string },
  plans: PlanResult[],
  config: Config,
): Promise<void> {
  if (isRuleOff(config, doneWithoutChange.id)) return;
  const asks = plans.filter((p) => !p.plan.unparseable && p.plan.isPlan && namesDoneFiles(p.plan));
  if (asks.length === 0) return;
  const exact = () => unique(asks.flatMap((p) => namedFiles(p.plan)));
  const tree = await readTree(octokit, { owner: target.owner, repo: target.repo, sha: target.headSha, lookup: exact });
  const repo = fileListView(tree.files, {
    where: `at commit \`${target.headSha.slice(0, 7)}\``,
    complete: !tree.truncated,
    checked: tree.checked,
    limit: "GitHub truncated the repository tree; at most 100 paths were looked up one by one",
  });
  for (const p of asks) {
    addPlanFindings(p, lintPlan(p.plan, config, [doneWithoutChange], { repo }));
    p.repo = repo;
  }
}

function namesDoneFiles(plan: PlanDocument): boolean {
  if (plan.phases.some((phase) => doneClaim(plan, phase) !== null && phase.files.length > 0)) return true;
  return plan.checkboxes.some((b) => b.checked && taskNamedPaths(plan, b).length > 0);
}

/**
 * Exact file paths a lookup can answer (not directories, globs or bare names), each with the
 * same path from the plan's folder, which `namedPathExists` asks next when the first is absent.
 */
function namedFiles(plan: PlanDocument): string[][] {
  const named = [...plan.phases.flatMap((phase) => (doneClaim(plan, phase) ? phaseNamedPaths(plan, phase) : [])), ...plan.checkboxes.filter((b) => b.checked).flatMap((b) => taskNamedPaths(plan, b))];
  const dir = plan.path.includes("/") ? plan.path.slice(0, plan.path.lastIndexOf("/") + 1) : "";
  return named.filter((n) => n.kind === "file" && n.path.includes("/")).map((n) => (dir ? [n.path, `${dir}${n.path}`] : [n.path]));
}

/** Named paths once each (the same path named twice is one lookup). */
function unique(groups: string[][]): string[][] {
  const seen = new Set<string>();
  return groups.filter((g) => !seen.has(g.join("\0")) && seen.add(g.join("\0")));
}
