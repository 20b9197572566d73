// Which failures of a queued delivery are worth another attempt, and after how long. Transient:
// GitHub 5xx, 429, a rate limit (403 with retry-after, a secondary limit, or remaining 0), a
// network error. Anything else got a definite answer (a 404, a 422 from a compare-and-swap write,
// a bug) and is never retried: retrying would repeat a decision GitHub already made.

interface ErrorShape {
  status?: unknown;
  message?: unknown;
  code?: unknown;
  errors?: unknown;
  response?: { headers?: Record<string, unknown> };
}

const NETWORK = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|EPIPE|socket hang up|fetch failed|network|timed? ?out/i;
const SECONDARY = /secondary rate limit|abuse detection|rate limit exceeded/i;

/** The errors inside one (Probot's receive rejects with an AggregateError of the handlers' errors). */
function leaves(error: unknown): ErrorShape[] {
  const shape = (typeof error === "object" && error !== null ? error : { message: String(error) }) as ErrorShape;
  return Array.isArray(shape.errors) && error instanceof AggregateError ? shape.errors.flatMap(leaves) : [shape];
}

function isTransientLeaf(e: ErrorShape): boolean {
  const status = typeof e.status === "number" ? e.status : undefined;
  const headers = e.response?.headers ?? {};
  const message = `${String(e.message ?? "")} ${String(e.code ?? "")}`;
  if (status === undefined) return NETWORK.test(message);
  if (status >= 500 || status === 429) return true;
  return status === 403 && (headers["retry-after"] !== undefined || String(headers["x-ratelimit-remaining"]) === "0" || SECONDARY.test(message));
}

/** True when every failure inside `error` is transient (one definite failure makes the whole attempt final). */
export function isTransient(error: unknown): boolean {
  const all = leaves(error);
  return all.length > 0 && all.every(isTransientLeaf);
}

/** How long to wait before attempt `attemptsMade + 1`: GitHub's retry-after / x-ratelimit-reset when given, else 2^n s (≤ 60 s). */
export function retryDelayMs(attemptsMade: number, error: unknown, now = Date.now()): number {
  let wait = Math.min(1000 * 2 ** Math.max(attemptsMade - 1, 0), 60_000);
  for (const leaf of leaves(error)) {
    const headers = leaf.response?.headers ?? {};
    const after = Number(headers["retry-after"]);
    if (Number.isFinite(after) && after > 0) wait = Math.max(wait, after * 1000);
    const reset = Number(headers["x-ratelimit-reset"]);
    if (String(headers["x-ratelimit-remaining"]) === "0" && Number.isFinite(reset)) wait = Math.max(wait, reset * 1000 - now + 1000);
  }
  return Math.min(wait, 15 * 60_000);
}
