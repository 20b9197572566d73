import { describe, expect, it } from "@jest/globals";
import { RequestError } from "@octokit/request-error";
import { isTransient, retryDelayMs } from "../../src/queue/transient-error.js";

// Errors as Octokit raises them (RequestError with GitHub's status and headers), wrapped the way
// Probot's receive rejects (AggregateError of the handlers' errors).
function githubError(status: number, headers: Record<string, string> = {}, message = "GitHub says no"): RequestError {
  return new RequestError(message, status, {
    request: { method: "POST", url: "https://api.github.com/repos/o/r/check-runs", headers: {} },
    response: { status, url: "https://api.github.com/repos/o/r/check-runs", headers, data: { message } },
  });
}
const received = (...errors: unknown[]) => new AggregateError(errors, "handler failed");

describe("which queued-delivery failures are retried", () => {
  it.each([
    ["a 502 (even with an HTML body)", githubError(502, {}, "<html>502 Bad Gateway</html>")],
    ["a 503", githubError(503)],
    ["a 429", githubError(429, { "retry-after": "3" })],
    ["a 403 secondary rate limit with retry-after", githubError(403, { "retry-after": "2" }, "You have exceeded a secondary rate limit")],
    ["a 403 with the primary limit spent", githubError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1700000000" }, "API rate limit exceeded")],
    ["a network error", Object.assign(new Error("fetch failed"), { code: "ECONNRESET" })],
  ])("%s is transient", (_name, error) => {
    expect(isTransient(received(error))).toBe(true);
  });

  it.each([
    ["a 404", githubError(404)],
    ["a 422 from a compare-and-swap write (definite answer)", githubError(422, {}, "Update is not a fast forward")],
    ["a 409", githubError(409)],
    ["a 403 without any rate-limit sign (missing permission)", githubError(403, {}, "Resource not accessible by integration")],
    ["a bug", new TypeError("Cannot read properties of undefined (reading 'sha')")],
  ])("%s is final", (_name, error) => {
    expect(isTransient(received(error))).toBe(false);
  });

  it("one definite failure among transient ones makes the attempt final", () => {
    expect(isTransient(received(githubError(502), githubError(422)))).toBe(false);
  });

  it("waits GitHub's retry-after or until x-ratelimit-reset, else backs off exponentially", () => {
    expect(retryDelayMs(1, received(githubError(403, { "retry-after": "7" })))).toBe(7000);
    expect(retryDelayMs(1, received(githubError(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": "1000" })), 990_000)).toBe(11_000);
    expect([1, 2, 3, 4].map((n) => retryDelayMs(n, received(githubError(502))))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(20, received(githubError(502)))).toBe(60_000);
  });
});
