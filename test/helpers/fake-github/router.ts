import type { FakeGitHub } from "../fake-github.js";
import type { FakeRepo } from "./state.js";

// A small method + path-pattern router. `:name` matches one segment, `*name` the rest of the path.

export class HttpError extends Error {
  constructor(readonly status: number, message: string, readonly errors?: unknown[]) {
    super(message);
  }
}

export interface RouteContext {
  gh: FakeGitHub;
  params: Record<string, string>;
  query: Record<string, string>;
  body: any;
  headers: Record<string, string>;
  /** "app" (JWT), a login, or "anonymous" */
  as: string;
  /** the API base the client used, for Link headers and urls (https://api.github.com, http://127.0.0.1:1234/api/v3) */
  baseUrl: string;
  /** the repository named by :owner/:repo (404 when it does not exist) */
  repo: () => FakeRepo;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type RouteHandler = (ctx: RouteContext) => RouteResult | Promise<RouteResult>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: RouteHandler;
}

export class Router {
  private routes: Route[] = [];

  /** Later routes win, so tests can override a built-in endpoint. */
  add(method: string, path: string, handler: RouteHandler): void {
    const keys: string[] = [];
    const source = path
      .split("/")
      .map((segment) => {
        if (segment.startsWith(":")) {
          keys.push(segment.slice(1));
          return "([^/]+)";
        }
        if (segment.startsWith("*")) {
          keys.push(segment.slice(1));
          return "(.+)";
        }
        return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    this.routes.unshift({ method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), keys, handler });
  }

  match(method: string, path: string): { handler: RouteHandler; params: Record<string, string> } | null {
    for (const route of this.routes) {
      if (route.method !== method.toUpperCase()) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1] as string)));
      return { handler: route.handler, params };
    }
    return null;
  }
}

/** One page of `items` with GitHub's Link header. */
export function paged<T>(ctx: RouteContext, path: string, items: T[], limit = Infinity): RouteResult {
  const perPage = Math.min(Number(ctx.query.per_page ?? 30) || 30, 100);
  const page = Math.max(Number(ctx.query.page ?? 1) || 1, 1);
  const visible = items.slice(0, limit);
  const body = visible.slice((page - 1) * perPage, page * perPage);
  const last = Math.max(Math.ceil(visible.length / perPage), 1);
  const link = (p: number) => {
    const query = new URLSearchParams({ ...ctx.query, per_page: String(perPage), page: String(p) });
    return `${ctx.baseUrl}${path}?${query.toString()}`;
  };
  const links: string[] = [];
  if (page < last) links.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  if (page > 1) links.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`);
  return { body, headers: links.length ? { link: links.join(", ") } : {} };
}
