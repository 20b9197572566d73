interface PullRequestPayloadLike {
  action?: string;
  changes?: { body?: unknown } | null;
  pull_request: { state?: string };
}

/** Why a `pull_request` event needs no check (null: check it). `edited` counts only when the description changed (it may name plans). */
export function pullRequestSkipReason(payload: PullRequestPayloadLike): string | null {
  if (payload.action === "edited" && !payload.changes?.body) return "title or base edited, description unchanged";
  if (payload.pull_request.state !== "open") return "pull request is not open";
  return null;
}
