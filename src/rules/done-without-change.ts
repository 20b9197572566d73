import { phaseNamedPaths, taskNamedPaths, type NamedPath } from "../plan/named-paths.js";
import type { PlanDocument, Span } from "../plan/types.js";
import { doneClaim } from "./done-claim.js";
import { documentAnchor, firstLineOf } from "./locate.js";
import { activePhases, phaseName } from "./phase-name.js";
import type { Rule, RuleReport } from "./types.js";

/** Intents whose file is expected to be absent once the work is done. */
const GONE = new Set<NamedPath["intent"]>(["delete", "rename-away"]);

export const doneWithoutChange: Rule = {
  id: "done-without-change",
  defaultSeverity: "warning",
  description:
    "A phase that claims done (gate confirmed, every box ticked, or Status Completed) and a ticked task do not name a created or modified file that is missing from the repository.",
  check(plan, ctx) {
    const repo = ctx.repo;
    if (!repo) return [];
    const reports: RuleReport[] = [];
    const reported = new Set<string>();
    const unknown = new Set<string>();
    const missing = (named: NamedPath): boolean => {
      if (GONE.has(named.intent)) return false;
      let exists = repo.exists(named);
      // spec-kit and others write paths relative to the plan's folder (`contracts/api.yaml`)
      const dir = plan.path.includes("/") ? plan.path.slice(0, plan.path.lastIndexOf("/") + 1) : "";
      if (exists === false && dir !== "" && named.path.includes("/")) exists = repo.exists({ path: `${dir}${named.path}`, kind: named.kind });
      if (exists === null) unknown.add(named.path);
      return exists === false;
    };
    const once = (span: Span, path: string) => {
      const key = `${span.start.line} ${path}`;
      if (reported.has(key)) return false;
      reported.add(key);
      return true;
    };
    for (const phase of activePhases(plan)) {
      const claim = doneClaim(plan, phase);
      if (!claim) continue;
      for (const named of phaseNamedPaths(plan, phase)) {
        if (!missing(named) || !once(named.span, named.path)) continue;
        reports.push({
          span: firstLineOf(plan, named.span),
          message: `Unexpected ${absent(named, repo.where)} while ${phaseName(phase)} is done (${claim}), expected the ${verb(named)}file named on line ${named.span.start.line} to exist: add it, correct the path in the plan, or reopen the phase`,
        });
      }
    }
    for (const box of plan.checkboxes) {
      if (!box.checked || inOpenQuestions(plan, box.span)) continue;
      for (const named of taskNamedPaths(plan, box)) {
        if (!missing(named) || !once(box.span, named.path)) continue;
        reports.push({
          span: firstLineOf(plan, box.span),
          message: `Unexpected ticked task naming ${absent(named, repo.where)}, expected the ${verb(named)}file to exist once the task is done: add it, correct the path, or untick the task`,
        });
      }
    }
    if (unknown.size > 0 && repo.limit) {
      const list = [...unknown].slice(0, 5).map((p) => `\`${p}\``).join(", ") + (unknown.size > 5 ? ` and ${unknown.size - 5} more` : "");
      reports.push({
        span: documentAnchor(plan),
        severity: "notice",
        message: `Unexpected ${unknown.size === 1 ? "named path" : `${unknown.size} named paths`} that could not be checked (${repo.limit}): ${list}, expected every path a done phase or ticked task names to be checked: check them by hand, or run \`plan-hygiene lint\` in a checkout`,
      });
    }
    return reports;
  },
};

/** "file `src/a.ts` missing at commit `abc1234`" */
function absent(named: NamedPath, where: string): string {
  if (named.kind === "glob") return `glob \`${named.path}\` matching no file ${where}`;
  return `${named.kind === "directory" ? "directory" : "file"} \`${named.path}\` missing ${where}`;
}

function verb(named: NamedPath): string {
  return named.intent === "create" ? "created " : named.intent === "modify" ? "modified " : "";
}

function inOpenQuestions(plan: PlanDocument, span: Span): boolean {
  const s = plan.openQuestions?.section.span;
  return s !== undefined && span.start.offset >= s.start.offset && span.start.offset < s.end.offset;
}
