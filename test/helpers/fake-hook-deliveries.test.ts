import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { FakeGitHub } from "./fake-github.js";

// The fake's app webhook deliveries, over HTTP as a client sees them.

const JWT = "Bearer eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjF9.c2ln";
let gh: FakeGitHub;
let api: Awaited<ReturnType<FakeGitHub["listen"]>>;
beforeEach(async () => {
  gh = new FakeGitHub();
  api = await gh.listen();
});
afterEach(() => api.close());

const get = (path: string, authorization = JWT) => fetch(`${api.url}/api/v3${path}`, { headers: { authorization } });
const ids = async (res: Response) => ((await res.json()) as Array<{ id: number }>).map((d) => d.id);

describe("fake GitHub: /app/hook/deliveries", () => {
  it("pages newest first through an opaque cursor in the Link header, and filters by status", async () => {
    const items = Array.from({ length: 5 }, (_, i) => gh.hookDeliveries.add({ delivered_at: `2026-12-0${i + 1}T00:00:00Z`, ...(i === 1 ? { status: "Invalid HTTP Response: 503" } : {}) }));
    const first = await get("/app/hook/deliveries?per_page=3");
    expect(await ids(first)).toEqual([items[4]!.id, items[3]!.id, items[2]!.id]);
    const link = first.headers.get("link")!;
    expect(link).toMatch(new RegExp(`^<${api.url}/api/v3/app/hook/deliveries\\?per_page=3&cursor=v1_\\d+>; rel="next"$`));
    const second = await get(/<[^>]*(\/app\/[^>]*)>/.exec(link)![1]!);
    expect(await ids(second)).toEqual([items[1]!.id, items[0]!.id]);
    expect(second.headers.get("link")).toBeNull();
    expect(await ids(await get("/app/hook/deliveries?status=failure"))).toEqual([items[1]!.id]);
  });

  it("redelivers as a new item with the same guid, answers 202, and wants the app's JWT", async () => {
    const failed = gh.hookDeliveries.add({ status: "timed out", status_code: 0 });
    const res = await fetch(`${api.url}/api/v3/app/hook/deliveries/${failed.id}/attempts`, { method: "POST", headers: { authorization: JWT } });
    expect(res.status).toBe(202);
    expect(gh.hookDeliveries.redelivered).toEqual([failed.id]);
    expect(gh.hookDeliveries.items[1]).toMatchObject({ guid: failed.guid, redelivery: true, status: "OK", status_code: 200 });
    expect((await fetch(`${api.url}/api/v3/app/hook/deliveries/1/attempts`, { method: "POST", headers: { authorization: JWT } })).status).toBe(404);
    expect((await get("/app/hook/deliveries", "token ghs_installation")).status).toBe(401);
  });
});
