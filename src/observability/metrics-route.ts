import type { IncomingMessage, ServerResponse } from "node:http";
import type { Registry } from "./metrics.js";

/** Whether /metrics is served: METRICS_ENABLED=true (off by default; it is unauthenticated). */
export function metricsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.METRICS_ENABLED?.trim().toLowerCase();
  if (!raw || ["false", "0", "no", "off"].includes(raw)) return false;
  if (["true", "1", "yes", "on"].includes(raw)) return true;
  throw new Error(`METRICS_ENABLED is "${env.METRICS_ENABLED}", expected true or false.`);
}

/**
 * A Node request handler in Probot's `addHandler` shape: answers GET /metrics with the
 * registry in Prometheus text format and returns true; returns false for any other path.
 */
export function createMetricsRoute(registry: Registry, path = "/metrics") {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const pathname = (req.url ?? "").split("?")[0];
    if (pathname !== path) return false;
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Method not allowed\n");
      return true;
    }
    const body = registry.render();
    res.writeHead(200, { "content-type": "text/plain; version=0.0.4; charset=utf-8", "cache-control": "no-store" });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  };
}
