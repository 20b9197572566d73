import { PULL_REQUEST_EVENTS } from "../handlers/pull-request.js";

const CHECKED_ACTIONS = new Set<string>(PULL_REQUEST_EVENTS.map((event) => event.split(".")[1] as string));

/**
 * The pull request a delivery asks to check (`<repository id>#<number>`), or null when the
 * delivery is not a PR check: only those are coalesced (the newest delivery of a PR wins).
 * Commands, merges and pushes are never dropped.
 */
export function coalesceKey(name: string, payload: unknown): string | null {
  if (name !== "pull_request" || typeof payload !== "object" || payload === null) return null;
  const { action, repository, pull_request: pull } = payload as { action?: unknown; repository?: { id?: unknown }; pull_request?: { number?: unknown } };
  if (typeof action !== "string" || !CHECKED_ACTIONS.has(action)) return null;
  if (typeof repository?.id !== "number" || typeof pull?.number !== "number") return null;
  return `${repository.id}#${pull.number}`;
}

/** The installation a delivery belongs to (jobs of one installation run one at a time), or "none". */
export function installationKey(payload: unknown): string {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === "number" ? String(id) : "none";
}
