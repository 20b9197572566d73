import type { FakeGitHub } from "../fake-github.js";
import type { Router } from "./router.js";
import { HttpError } from "./router.js";

// The app's webhook deliveries (GET /app/hook/deliveries, POST /app/hook/deliveries/{id}/attempts),
// JWT only, like GitHub: newest first, cursor pagination through the Link header, and a redelivery
// recorded as a new item with the same guid and `redelivery: true`.

export interface FakeHookDelivery {
  id: number;
  guid: string;
  delivered_at: string;
  redelivery: boolean;
  duration: number;
  status: string;
  status_code: number;
  event: string;
  action: string | null;
  installation_id: number | null;
  repository_id: number | null;
  throttled_at: string | null;
}

/** How a redelivery ends: "OK" / 200 unless the test says otherwise. */
export type RedeliveryOutcome = (original: FakeHookDelivery) => { status: string; status_code: number };

/** The deliveries state: tests seed it with `add` and read `redelivered` (ids, in request order). */
export class FakeHookDeliveries {
  readonly items: FakeHookDelivery[] = [];
  /** delivery ids whose redelivery was requested, in order */
  readonly redelivered: number[] = [];
  outcome: RedeliveryOutcome = () => ({ status: "OK", status_code: 200 });
  private nextId = 12_000_000_000;

  add(delivery: Partial<FakeHookDelivery> & { guid?: string; status?: string }): FakeHookDelivery {
    const ok = (delivery.status ?? "OK") === "OK";
    const item: FakeHookDelivery = {
      guid: crypto.randomUUID(),
      delivered_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      redelivery: false,
      duration: 0.05,
      status: "OK",
      status_code: ok ? 200 : 503,
      event: "pull_request",
      action: "opened",
      installation_id: 4242,
      repository_id: 1,
      throttled_at: null,
      ...delivery,
      id: delivery.id ?? ++this.nextId,
    };
    this.items.push(item);
    return item;
  }

  /** Newest first, like GitHub (ties: the later id first). */
  listed(): FakeHookDelivery[] {
    return [...this.items].sort((a, b) => Date.parse(b.delivered_at) - Date.parse(a.delivered_at) || b.id - a.id);
  }
}

export function addHookDeliveryRoutes(router: Router): void {
  const deliveries = (gh: FakeGitHub) => gh.hookDeliveries;
  const requireJwt = (as: string) => {
    if (as !== "app") throw new HttpError(401, "A JSON web token could not be decoded");
  };
  router.add("GET", "/app/hook/deliveries", (ctx) => {
    requireJwt(ctx.as);
    const perPage = Math.min(Number(ctx.query.per_page ?? 30) || 30, 100);
    let items = deliveries(ctx.gh).listed();
    if (ctx.query.status === "success") items = items.filter((d) => d.status_code >= 200 && d.status_code <= 399);
    if (ctx.query.status === "failure") items = items.filter((d) => d.status_code >= 400 && d.status_code <= 599);
    // GitHub's cursors are opaque ("v1_<id>"): here the id of the page's first delivery.
    const cursor = /^v1_(\d+)$/.exec(ctx.query.cursor ?? "");
    if (ctx.query.cursor !== undefined && !cursor) throw new HttpError(400, "Invalid cursor");
    const start = cursor ? items.findIndex((d) => d.id === Number(cursor[1])) : 0;
    if (start < 0) throw new HttpError(400, "Invalid cursor");
    const page = items.slice(start, start + perPage);
    const next = items[start + perPage];
    if (!next) return { body: page };
    const query = new URLSearchParams({ ...ctx.query, per_page: String(perPage), cursor: `v1_${next.id}` });
    return { body: page, headers: { link: `<${ctx.baseUrl}/app/hook/deliveries?${query.toString()}>; rel="next"` } };
  });
  router.add("POST", "/app/hook/deliveries/:id/attempts", (ctx) => {
    requireJwt(ctx.as);
    const state = deliveries(ctx.gh);
    const original = state.items.find((d) => d.id === Number(ctx.params.id));
    if (!original) throw new HttpError(404, "Not Found");
    state.redelivered.push(original.id);
    state.add({ ...original, id: undefined, redelivery: true, delivered_at: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"), throttled_at: null, ...state.outcome(original) } as Partial<FakeHookDelivery>);
    return { status: 202, body: {} };
  });
}
