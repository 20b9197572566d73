import { prToken } from "./find-changelog-row.js";

/** What a merged pull request did to one plan. */
export interface MergeFacts {
  pr: number;
  title: string;
  /** the PR author's login (without @) */
  author: string;
  /** ids of phases whose gate became confirmed in the PR */
  phasesConfirmed: string[];
  /** the Status before and after the PR, when it changed */
  statusChange: { from: string | null; to: string | null } | null;
}

/**
 * The Change cell from `changelog.template`: `{pr}` → `#123`, `{title}`, `{author}` → `@login`,
 * `{details}` → ` — Phase 1, 2 confirmed; Status Draft → In Progress` (empty when nothing
 * changed). The result always names `#123` (appended when the template omits `{pr}`), because
 * that is how a re-delivered event recognises the row it already wrote.
 */
export function renderChangelogChange(template: string, facts: MergeFacts): string {
  const values: Record<string, string> = {
    pr: `#${facts.pr}`,
    title: facts.title.trim(),
    author: `@${facts.author}`,
    details: describeDetails(facts),
  };
  const text = template.replace(/\{(pr|title|author|details)\}/g, (_m, key: string) => values[key]).trim();
  return prToken(facts.pr).test(text) ? text : `${text} (#${facts.pr})`.trim();
}

function describeDetails(facts: MergeFacts): string {
  const parts: string[] = [];
  const n = facts.phasesConfirmed.length;
  if (n > 0) parts.push(`${n === 1 ? "Phase" : "Phases"} ${facts.phasesConfirmed.join(", ")} confirmed`);
  if (facts.statusChange) parts.push(`Status ${facts.statusChange.from ?? "(none)"} → ${facts.statusChange.to ?? "(none)"}`);
  return parts.length > 0 ? ` — ${parts.join("; ")}` : "";
}
