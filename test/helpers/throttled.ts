import type { LoggedRequest } from "./fake-github/state.js";

/**
 * Whether a request waits for a slot of @octokit/plugin-throttling (which Probot uses): every
 * write (not GET/HEAD) and EVERY GraphQL request, queries included, share one 1-per-second slot
 * per throttle id. Plain REST GETs wait for none.
 */
export function isThrottled(request: Pick<LoggedRequest, "method" | "path">): boolean {
  return request.path === "/graphql" || (request.method !== "GET" && request.method !== "HEAD");
}

/** "throttled / total" plus the requests, shortened, for printing. */
export function describeRequests(requests: readonly LoggedRequest[], repo: string): { throttled: number; total: number; list: string } {
  return {
    throttled: requests.filter(isThrottled).length,
    total: requests.length,
    list: requests.map((r) => `${isThrottled(r) ? "*" : ""}${r.method} ${r.path.replace(`/repos/${repo}`, "")}`).join(", "),
  };
}
