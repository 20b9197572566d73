import { phaseNamedPaths } from "../plan/named-paths.js";
import type { RepoPath } from "../plan/repo-path.js";
import type { PlanDocument } from "../plan/types.js";
import { doneClaim, phaseBoxes } from "./done-claim.js";
import { documentAnchor, firstLineOf } from "./locate.js";
import { activePhases, quote, visibleText } from "./phase-name.js";
import { normalizeStatus } from "./status-value.js";
import type { Rule, RuleContext } from "./types.js";

export const STALE_PLAN_DAYS = 30;
const DAY = 24 * 60 * 60 * 1000;

export const stalePlan: Rule = {
  id: "stale-plan",
  defaultSeverity: "notice",
  description:
    "A plan In Progress (or with a phase partly done) changed, or a file it names changed, within the last `rules.stale-plan.days` days (default 30).",
  check(plan, ctx) {
    const history = ctx.history;
    if (!history) return [];
    const why = inProgress(plan);
    if (!why) return [];
    const days = staleDays(ctx);
    const paths = stalePlanPaths(plan);
    const span = plan.status ? firstLineOf(plan, plan.status.span) : documentAnchor(plan);
    const last = history.lastChange(paths);
    // no history to ask (the CLI says so once, outside the findings)
    if (last === undefined) return [];
    if (last !== null && history.now.getTime() - last.getTime() < days * DAY) return [];
    const age = last === null ? "no commit touching it" : `no change since ${last.toISOString().slice(0, 10)} (${Math.floor((history.now.getTime() - last.getTime()) / DAY)} days)`;
    const files = paths.length - 1;
    return [
      {
        span,
        message: `Unexpected ${why} plan with ${age} to it or the ${files === 1 ? "file" : `${files} files`} it names, expected a plan being worked on to change within ${days} days: tick what is done, set the Status to what is true (\`Completed\`, \`Draft\`), or note why the work is paused`,
      },
    ];
  },
};

/** The paths whose history decides: the plan itself first, then every path its phases name, once each. */
export function stalePlanPaths(plan: PlanDocument): RepoPath[] {
  const paths: RepoPath[] = [{ path: plan.path, kind: "file" }];
  const seen = new Set([plan.path]);
  for (const phase of activePhases(plan)) {
    for (const named of phaseNamedPaths(plan, phase)) if (!seen.has(named.path)) (seen.add(named.path), paths.push({ path: named.path, kind: named.kind }));
  }
  return paths;
}

/** Why the plan counts as being worked on (its Status, or a phase partly done), null when it does not. */
export function inProgress(plan: PlanDocument): string | null {
  const status = plan.status ? normalizeStatus(visibleText(plan.status.value)) : null;
  if (status === "completed") return null;
  if (status === "in-progress") return `${quote(plan.status!.value)}`;
  const partly = activePhases(plan).some((phase) => {
    const boxes = phaseBoxes(plan, phase);
    return doneClaim(plan, phase) === null && boxes.some((b) => b.checked) && boxes.some((b) => !b.checked);
  });
  return partly ? "partly done" : null;
}

/** `rules.stale-plan.days`, default 30. */
export function staleDays(ctx: Pick<RuleContext, "config">): number {
  const setting = ctx.config.rules?.["stale-plan"];
  return typeof setting === "object" && setting !== null && typeof setting.days === "number" ? setting.days : STALE_PLAN_DAYS;
}
