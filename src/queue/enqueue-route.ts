import type { IncomingMessage, ServerResponse } from "node:http";
import type { EnqueueOutcome } from "./enqueue-delivery.js";
import type { QueuedDelivery } from "./queued-delivery.js";

export interface EnqueueRouteOptions {
  /** the webhook path (Probot's `webhookPath`, /api/github/webhooks) */
  path: string;
  /** X-Hub-Signature-256 check of the raw body (Probot's `webhooks.verify`) */
  verify: (body: string, signature: string) => Promise<boolean>;
  enqueue: (delivery: QueuedDelivery) => Promise<EnqueueOutcome>;
  onError: (error: unknown, delivery: { id: string; name: string }) => void;
  /** GitHub caps webhook payloads at 25 MB */
  maxBytes?: number;
}

const MAX_BYTES = 25 * 1024 * 1024;
const JSON_TYPE = /^\s*application\/json\s*(?:;|$)/i;

function answer(res: ServerResponse, status: number, body: object): true {
  res.writeHead(status, { "content-type": "application/json" }).end(`${JSON.stringify(body)}\n`);
  return true;
}

async function readBody(req: IncomingMessage, maxBytes: number): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The webhook endpoint when deliveries go through the queue: checks the request as Probot's
 * middleware does (POST, JSON, GitHub's headers, the signature), queues it and answers at once:
 * 202 queued, 200 for a delivery id already queued (a redelivery) or a PR check already superseded,
 * 503 when Redis cannot take it (GitHub records a failed delivery, which the redelivery scan
 * recovers). Returns false for any other path.
 */
export function createEnqueueRoute(options: EnqueueRouteOptions) {
  const maxBytes = options.maxBytes ?? MAX_BYTES;
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    if ((req.url ?? "/").split("?")[0]?.replace(/\/+$/, "") !== options.path.replace(/\/+$/, "")) return false;
    if (req.method !== "POST") return answer(res, 404, { error: `Unknown route: ${req.method} ${options.path}` });
    if (!JSON_TYPE.test(String(req.headers["content-type"] ?? ""))) return answer(res, 415, { error: 'Unsupported "Content-Type" header value. Must be "application/json"' });
    const name = req.headers["x-github-event"];
    const id = req.headers["x-github-delivery"];
    const signature = req.headers["x-hub-signature-256"];
    const missing = [["x-github-event", name], ["x-hub-signature-256", signature], ["x-github-delivery", id]].filter(([, v]) => typeof v !== "string" || v === "").map(([h]) => h);
    if (missing.length > 0) return answer(res, 400, { error: `Required headers missing: ${missing.join(", ")}` });
    const body = await readBody(req, maxBytes);
    if (body === null) return answer(res, 413, { error: `Payload larger than ${maxBytes} bytes` });
    if (!(await options.verify(body, signature as string).catch(() => false))) {
      return answer(res, 400, { error: "signature does not match event payload and secret" });
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return answer(res, 400, { error: "Invalid JSON" });
    }
    const delivery = { id: id as string, name: name as string, payload };
    let outcome: EnqueueOutcome;
    try {
      outcome = await options.enqueue(delivery);
    } catch (error) {
      options.onError(error, delivery);
      return answer(res, 503, { error: "could not queue the delivery (Redis unavailable); it will be redelivered" });
    }
    return answer(res, outcome === "queued" ? 202 : 200, { ok: true, [outcome]: true });
  };
}
