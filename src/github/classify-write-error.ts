// What a failed GitHub write means for a compare-and-swap loop.
//  stale:     the branch moved since we read it (nothing written) → re-read and retry
//  forbidden: protected branch / ruleset / missing permission → do not retry, fall back
//  uncertain: 5xx, timeout, network: the write MAY have landed → re-read and check before any retry
//  other:     anything else (a bug or bad input) → rethrow

export type WriteErrorKind = "stale" | "forbidden" | "uncertain" | "other";

const FORBIDDEN =
  /protected branch|rule violations?|must be made through a pull request|not accessible by integration|permission|not authorized|forbidden|required status check|push access|cannot push/i;

interface ErrorShape {
  status?: unknown;
  message?: unknown;
  errors?: Array<{ type?: unknown; message?: unknown }>;
}

export function classifyWriteError(error: unknown): { kind: WriteErrorKind; message: string } {
  const e = (typeof error === "object" && error !== null ? error : {}) as ErrorShape;
  const gqlErrors = Array.isArray(e.errors) ? e.errors : [];
  const messages = [...gqlErrors.map((g) => String(g.message ?? "")), String(e.message ?? error)];
  const message = messages.find((m) => m.length > 0) ?? "unknown error";
  const types = gqlErrors.map((g) => String(g.type ?? ""));
  const all = messages.join("\n");
  if (types.includes("STALE_DATA") || /expected branch to point to/i.test(all)) return { kind: "stale", message };
  if (types.includes("FORBIDDEN") || e.status === 403 || FORBIDDEN.test(all)) return { kind: "forbidden", message };
  if ((typeof e.status === "number" && e.status >= 500) || /something went wrong while executing your query|timeout|ECONNRESET|socket hang up|fetch failed/i.test(all)) {
    return { kind: "uncertain", message };
  }
  return { kind: "other", message };
}
