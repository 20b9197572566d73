import type { AppMetrics } from "./app-metrics.js";
import { deliveryFacts } from "./delivery-facts.js";
import type { InFlight } from "./in-flight.js";
import { scrubSecrets } from "./scrub-secrets.js";

/** What a handler may report about its delivery, by returning it or via `noteDelivery`. */
export interface DeliveryNote {
  outcome?: "ok" | "skipped";
  plans?: number;
  reason?: string;
}

type RequestHook = (name: "request", fn: (...args: any[]) => unknown) => void;

/** The part of Probot's `Context` the wrapper uses (structural, so tests need no Probot). */
export interface DeliveryContext {
  id: string;
  name: string;
  payload: unknown;
  octokit: unknown;
  log: { info(fields: object, msg: string): void; error(fields: object, msg: string): void };
}

export interface DeliveryLogOptions {
  metrics?: AppMetrics;
  inFlight?: InFlight;
  now?: () => number;
}

const notes = new WeakMap<object, DeliveryNote>();

/** Lets code deep inside a handler report plans found or a skip without changing return types. */
export function noteDelivery(context: object, note: DeliveryNote): void {
  notes.set(context, { ...notes.get(context), ...note });
}

function countRequests(octokit: unknown, onResponse: (status: string, headers: Record<string, unknown> | undefined) => void): void {
  const hook = (octokit as { hook?: { after?: RequestHook; error?: RequestHook } } | null)?.hook;
  hook?.after?.("request", (response: { status?: number; headers?: Record<string, unknown> }) =>
    onResponse(String(response?.status ?? "unknown"), response?.headers));
  hook?.error?.("request", (error: { status?: number; response?: { headers?: Record<string, unknown> } }) => {
    onResponse(error?.status ? String(error.status) : "error", error?.response?.headers);
    throw error;
  });
}

/** The handler's return value when it is a DeliveryNote (handlers may return anything). */
function asNote(value: unknown): DeliveryNote | undefined {
  if (value === null || typeof value !== "object") return undefined;
  const { outcome, plans, reason } = value as Record<string, unknown>;
  return {
    ...(outcome === "ok" || outcome === "skipped" ? { outcome } : {}),
    ...(typeof plans === "number" ? { plans } : {}),
    ...(typeof reason === "string" ? { reason } : {}),
  };
}

/**
 * Wraps a Probot handler so each delivery writes exactly one summary line (delivery id, event,
 * repo, PR, plans found, GitHub API requests, duration, outcome), updates the metrics, and is
 * tracked for graceful shutdown. Errors are logged in the line and rethrown to Probot.
 */
export function withDeliveryLog<C extends DeliveryContext>(
  handler: (context: C) => unknown,
  options: DeliveryLogOptions = {},
): (context: C) => Promise<void> {
  const { metrics, inFlight, now = () => performance.now() } = options;
  return (context) => {
    const run = async () => {
      const facts = deliveryFacts(context.name, context.payload);
      const started = now();
      let apiRequests = 0;
      countRequests(context.octokit, (status, headers) => {
        apiRequests += 1;
        metrics?.apiRequests.inc({ status });
        const remaining = Number(headers?.["x-ratelimit-remaining"]);
        if (headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining)) {
          metrics?.rateLimitRemaining.set({ resource: String(headers["x-ratelimit-resource"] ?? "core") }, remaining);
        }
      });
      metrics?.inFlight.inc();
      let failure: unknown;
      let returned: DeliveryNote | undefined;
      try {
        returned = asNote(await handler(context));
      } catch (error) {
        failure = error;
      }
      metrics?.inFlight.dec();
      const note = { ...notes.get(context), ...(returned ?? {}) };
      const outcome = failure !== undefined ? "error" : note.outcome === "skipped" ? "skipped" : "ok";
      const durationMs = Math.round(now() - started);
      metrics?.deliveries.inc({ event: facts.event, outcome });
      metrics?.handlerDuration.observe({ event: facts.event }, durationMs / 1000);
      const fields = {
        delivery: context.id, ...facts, plans: note.plans ?? null, apiRequests, durationMs, outcome,
        ...(note.reason ? { reason: note.reason } : {}),
        ...(failure !== undefined ? { error: scrubSecrets(failure instanceof Error ? failure.message : String(failure)) } : {}),
      };
      const where = facts.repo ? ` ${facts.repo}${facts.pr !== null ? `#${facts.pr}` : ""}` : "";
      const msg = `delivery ${facts.event}${where}: ${outcome} in ${durationMs} ms, ${apiRequests} API request${apiRequests === 1 ? "" : "s"}`;
      if (failure !== undefined) {
        context.log.error(fields, msg);
        throw failure;
      }
      context.log.info(fields, msg);
    };
    const work = run();
    return inFlight ? inFlight.track(work) : work;
  };
}
