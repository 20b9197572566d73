import type { GitHubClient } from "./client.js";
import type { HookDelivery } from "../core/decide-redeliveries.js";

export interface ListedHookDeliveries {
  deliveries: HookDelivery[];
  pages: number;
  /** the page bound was reached before a delivery older than `since`: older ones were not listed */
  truncated: boolean;
  /** items without the fields the decision needs (left out) */
  malformed: number;
}

/** Bounds of one listing: 10 pages of 100, newest first. */
export const DELIVERY_PAGES = 10;
const PER_PAGE = 100;

/**
 * The app's webhook deliveries since `since` (ms), newest first: `GET /app/hook/deliveries` with
 * the app's JWT, following the `Link` header's cursor, at most `maxPages` pages. Stops at the first
 * page that reaches back past `since`. A body that is not a list throws.
 */
export async function listHookDeliveries(octokit: Pick<GitHubClient, "paginate">, options: { since: number; maxPages?: number }): Promise<ListedHookDeliveries> {
  const maxPages = options.maxPages ?? DELIVERY_PAGES;
  const deliveries: HookDelivery[] = [];
  let pages = 0;
  let malformed = 0;
  let truncated = false;
  const iterator = octokit.paginate.iterator("GET /app/hook/deliveries", { per_page: PER_PAGE });
  for await (const response of iterator) {
    pages += 1;
    const data: unknown = response.data;
    if (!Array.isArray(data)) throw new Error("GET /app/hook/deliveries answered something other than a list of deliveries");
    for (const item of data) {
      if (isHookDelivery(item)) deliveries.push(item);
      else malformed += 1;
    }
    const last = deliveries[deliveries.length - 1];
    if (data.length === 0 || (last && Date.parse(last.delivered_at) < options.since)) break;
    if (pages >= maxPages) {
      truncated = /rel="next"/.test(String(response.headers.link ?? ""));
      break;
    }
  }
  return { deliveries, pages, truncated, malformed };
}

function isHookDelivery(item: unknown): item is HookDelivery {
  const d = item as Partial<HookDelivery> | null;
  return typeof d === "object" && d !== null && Number.isSafeInteger(d.id) && typeof d.guid === "string" && d.guid !== "" && typeof d.status === "string" && typeof d.delivered_at === "string" && Number.isFinite(Date.parse(d.delivered_at));
}
