import { checkPullRequest, type BuiltCheck } from "../core/check-pull-request.js";
import { ParseCache } from "../core/parse-cache.js";
import { toPullRequestEvent } from "../core/pull-request-event.js";
import type { Logger } from "../github/client.js";
import { tokenOctokit } from "../github/token-octokit.js";
import { formatJson } from "../report/json.js";
import type { CliCommand } from "./parse-args.js";
import type { CliIo } from "./run-cli.js";

const quiet: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * `plan-hygiene check-pr owner/repo#N`: the App's PR check through `@octokit/rest` with
 * GITHUB_TOKEN (GITHUB_API_URL for GitHub Enterprise Server). Prints what it would post — the
 * check run's summary and annotations and the sticky comment — and posts it only with `--post`.
 * Exit 0 no errors, 1 errors found, 2 no token / unknown PR / rate limit / GitHub error (one line).
 */
export async function runCheckPr(command: Extract<CliCommand, { kind: "check-pr" }>, io: CliIo): Promise<number> {
  const env = io.env ?? process.env;
  const fail = (message: string) => (io.stderr.write(`plan-hygiene: ${message}\n`), 2);
  const token = env.GITHUB_TOKEN ?? env.GH_TOKEN;
  if (!token) return fail("GITHUB_TOKEN is not set, expected a token that can read the repository (`GITHUB_TOKEN=$(gh auth token) plan-hygiene check-pr …`)");
  const { owner, repo, number } = command;
  const name = `${owner}/${repo}#${number}`;
  const octokit = tokenOctokit({ token, apiUrl: env.GITHUB_API_URL, graphqlUrl: env.GITHUB_GRAPHQL_URL, userAgent: "plan-hygiene-cli", maxRateLimitWaitSeconds: 0 });
  let built: BuiltCheck | null = null;
  try {
    const { data: pull } = await octokit.rest.pulls.get({ owner, repo, pull_number: number });
    const outcome = await checkPullRequest(octokit, toPullRequestEvent(pull, null), { log: quiet, cache: new ParseCache(), dryRun: !command.post, onReport: (b) => (built = b) });
    const found = built as BuiltCheck | null;
    if (command.format === "json") io.stdout.write(formatJson((found?.report.plans ?? []).map((p) => ({ path: p.path, plan: p.plan, findings: p.findings }))));
    else io.stdout.write(outcome.outcome === "skipped" || !found ? `${name}: nothing to check (${outcome.reason ?? "no plan"}).\n` : describe(name, found, command.post));
    if (command.post) io.stderr.write(`plan-hygiene: posted to ${name}: check run ${outcome.checkRunId ?? "none"}, comment ${outcome.comment}\n`);
    const errors = (found?.report.configErrors.length ?? 0) + (found?.report.plans ?? []).reduce((n, p) => n + p.findings.filter((f) => f.severity === "error").length, 0);
    return errors > 0 ? 1 : 0;
  } catch (error) {
    return fail(explain(error, name));
  }
}

function describe(name: string, built: BuiltCheck, posted: boolean): string {
  const lines: string[] = [];
  const run = built.checkRun;
  const verb = posted ? "posted" : "would post";
  if (run) {
    lines.push(`# Check run "Plan hygiene" (${verb}): ${run.conclusion} — ${run.output.title}`, "", run.output.summary, "");
    lines.push(`# Annotations (${run.annotations.length})`);
    for (const a of run.annotations) lines.push(`${a.path}:${a.start_line} ${a.annotation_level} ${a.title ?? ""}: ${a.message}`);
    if (run.annotations.length === 0) lines.push("(none)");
  } else lines.push(`# Check run: none (check.noPlan: skip and ${name} touches and names no plan)`);
  lines.push("", `# Sticky comment (${built.comment === null ? "none" : verb})`, built.comment ?? `(none: comment.mode is ${built.config.comment.mode})`);
  return `${lines.join("\n")}\n`;
}

/** One line for what went wrong, from GitHub's answer when there is one. */
function explain(error: unknown, name: string): string {
  const e = error as { status?: number; message?: string; response?: { headers?: Record<string, string> } };
  const message = String(e.message ?? error).split("\n")[0];
  if (e.status === 429 || (e.status === 403 && (/rate limit/i.test(message) || e.response?.headers?.["x-ratelimit-remaining"] === "0"))) {
    const reset = Number(e.response?.headers?.["x-ratelimit-reset"]);
    return `GitHub's rate limit for this token is used up${Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : ""}; try again then`;
  }
  if (e.status === 404) return `${name} was not found, or the token cannot read it`;
  if (e.status === 401) return `GitHub refused the token (401 ${message}); check GITHUB_TOKEN`;
  return typeof e.status === "number" ? `GitHub answered ${e.status} for ${name}: ${message}` : `${name}: ${message}`;
}
