import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import type { GitHubClient } from "./client.js";

/** `@octokit/rest` with GitHub's recommended throttling (writes 1/s, content creation 1 per 3 s) and retries. */
const TokenOctokit = Octokit.plugin(throttling, retry);

export interface TokenOctokitOptions {
  token: string;
  /** GITHUB_API_URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server */
  apiUrl?: string;
  /** GITHUB_GRAPHQL_URL: https://api.github.com/graphql, or https://HOST/api/graphql */
  graphqlUrl?: string;
  userAgent?: string;
  /** where rate-limit waits are reported (the Action's log, the CLI's stderr) */
  warn?: (message: string) => void;
  /** how long a rate-limit wait may be before giving up (default 60 s) */
  maxRateLimitWaitSeconds?: number;
}

/**
 * A token-mode client (the Action's `token`, `check-pr`'s GITHUB_TOKEN), with the App's rules:
 * a failed creation (any REST POST: a comment, a check run, a pull request) or GraphQL mutation
 * (the compare-and-swap commit) is never re-sent by the retry plugin — a 5xx may mean it landed;
 * the compare-and-swap loop re-reads instead. Reads and idempotent updates are retried.
 * Rate-limit answers (403/429, nothing was done) are waited out once when the wait is short.
 */
export function tokenOctokit(options: TokenOctokitOptions): GitHubClient {
  const maxWait = options.maxRateLimitWaitSeconds ?? 60;
  const onLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
    const again = retryCount < 1 && retryAfter <= maxWait;
    options.warn?.(`GitHub ${kind} rate limit on ${request.method} ${request.url}: ${again ? `retrying in ${retryAfter} s` : "giving up"}`);
    return again;
  };
  const octokit = new TokenOctokit({
    auth: options.token,
    baseUrl: (options.apiUrl ?? "https://api.github.com").replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "plan-hygiene",
    throttle: { onRateLimit: onLimit("primary"), onSecondaryRateLimit: onLimit("secondary") },
    log: { debug: () => {}, info: () => {}, warn: (m: string) => options.warn?.(m), error: (m: string) => options.warn?.(m) },
  });
  octokit.hook.before("request", (request) => {
    if (isGraphql(request.url) && options.graphqlUrl) request.url = options.graphqlUrl;
    if (isCreation(request.method, request.url, (request as { query?: unknown }).query)) request.request = { ...request.request, retries: 0 } as typeof request.request;
  });
  return octokit as unknown as GitHubClient;
}

function isGraphql(url: string): boolean {
  return /^(?:[a-z]+:\/\/[^/]+)?(?:\/api)?\/graphql$/i.test(url);
}

/** A request whose re-sending could do a thing twice: a REST POST, or a GraphQL mutation. */
export function isCreation(method: string, url: string, query: unknown): boolean {
  if (method.toUpperCase() !== "POST") return false;
  if (!isGraphql(url)) return true;
  return typeof query === "string" && /^\s*mutation\b/.test(query.replace(/^\s*#.*$/gm, ""));
}
