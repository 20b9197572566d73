/**
 * GitHub's answer when a token lacks a permission (a fork PR's read-only GITHUB_TOKEN, a job
 * without `checks: write`): HTTP 403 "Resource not accessible by integration", or a GraphQL
 * FORBIDDEN error. Rate limits are 403s too, but say so and are handled by the client.
 */
export function isWriteRefused(error: unknown): boolean {
  const e = (error ?? {}) as { status?: unknown; message?: unknown; errors?: { type?: unknown }[] };
  if (Array.isArray(e.errors) && e.errors.some((x) => x?.type === "FORBIDDEN")) return true;
  return e.status === 403 && !/rate limit/i.test(String(e.message ?? ""));
}
