/** The fields of a check run that matter for `verifyWithChecks`. */
export interface CheckRunSummary {
  name: string;
  status: string;
  conclusion: string | null;
  app?: { slug?: string } | null;
}

export type ChecksVerdict = { ok: true; count: number } | { ok: false; message: string };

/**
 * Whether every check run on the head commit other than this app's own concluded success.
 * No other check at all is not a success: nothing verified the Automated criteria.
 */
export function judgeChecks(runs: readonly CheckRunSummary[], sha: string, own: { checkName: string; appSlug?: string }): ChecksVerdict {
  const others = runs.filter((r) => r.name !== own.checkName && (own.appSlug === undefined || r.app?.slug !== own.appSlug));
  const at = `\`${sha.slice(0, 7)}\``;
  if (others.length === 0) {
    return { ok: false, message: `\`verifyWithChecks\` is on, but no other check ran on ${at}, so nothing verified the Automated criteria. Tick them in the plan, or wait for CI and run the command again.` };
  }
  const bad = others.filter((r) => r.status !== "completed" || r.conclusion !== "success");
  if (bad.length === 0) return { ok: true, count: others.length };
  const list = bad
    .slice(0, 10)
    .map((r) => `\`${r.name.replace(/`/g, "'")}\` (${r.status === "completed" ? r.conclusion ?? "no conclusion" : r.status})`)
    .join(", ");
  const more = bad.length > 10 ? ` and ${bad.length - 10} more` : "";
  return { ok: false, message: `Not every check on ${at} succeeded: ${list}${more}. Automated criteria count as verified only when all other checks conclude success; tick them in the plan or run the command again once CI is green.` };
}
