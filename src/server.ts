import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createNodeMiddleware, type ApplicationFunction, type Probot } from "probot";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface ServerOptions {
  probot: Probot;
  appFn: ApplicationFunction;
  host: string;
  /** 0 picks a free port */
  port: number;
  /** tried in order before the webhook middleware (e.g. /metrics); return true when handled */
  handlers?: RequestHandler[];
  /** waits for deliveries still running after their HTTP reply (@octokit/webhooks replies 202 after 9 s) */
  drain?: (timeoutMs: number) => Promise<boolean>;
}

export interface RunningServer {
  server: Server;
  url: string;
  port: number;
  /** stop accepting, let in-flight deliveries finish (at most `timeoutMs`); resolves true when all did */
  close: (timeoutMs?: number) => Promise<boolean>;
}

/** The HTTP server: GET /ping health check, extra handlers, then Probot's webhook middleware. */
export async function createServer(options: ServerOptions): Promise<RunningServer> {
  const middleware = await createNodeMiddleware(options.appFn, { probot: options.probot });
  const extra = options.handlers ?? [];
  let closing = false;
  const server = createHttpServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0];
      if (path === "/ping" && (req.method === "GET" || req.method === "HEAD")) {
        res.writeHead(closing ? 503 : 200, { "content-type": "text/plain" }).end(closing ? "STOPPING" : "PONG");
        return;
      }
      for (const handler of extra) if (await handler(req, res)) return;
      await middleware(req, res, () => res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n"));
    })().catch((error: unknown) => {
      options.probot.log.error({ err: error }, "request failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    server,
    port,
    url: `http://${shownHost}:${port}`,
    close: async (timeoutMs = 9000) => {
      closing = true;
      const deadline = Date.now() + timeoutMs;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const timer = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
      const requestsDone = await Promise.race([closed.then(() => true), timer]);
      const left = Math.max(deadline - Date.now(), 0);
      const deliveriesDone = options.drain ? await options.drain(left) : true;
      server.closeAllConnections();
      return requestsDone && deliveriesDone;
    },
  };
}
