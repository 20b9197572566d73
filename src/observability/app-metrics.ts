import { Counter, Gauge, Histogram, Registry } from "./metrics.js";

/** The metrics plan-hygiene exposes on /metrics (when METRICS_ENABLED=true). */
export interface AppMetrics {
  registry: Registry;
  deliveries: Counter;
  handlerDuration: Histogram;
  inFlight: Gauge;
  apiRequests: Counter;
  rateLimitRemaining: Gauge;
  coalesced: Counter;
  deduplicated: Counter;
  queueDepth: Gauge;
  jobWait: Histogram;
  jobRun: Histogram;
  jobRetries: Counter;
  jobs: Counter;
  redeliveryScans: Counter;
  redeliveriesRequested: Counter;
  redeliveryErrors: Counter;
}

export function createAppMetrics(): AppMetrics {
  const registry = new Registry();
  return {
    registry,
    deliveries: registry.register(
      new Counter("plan_hygiene_deliveries_total", "Webhook deliveries handled, by event (name.action) and outcome (ok, skipped, error).", ["event", "outcome"]),
    ),
    handlerDuration: registry.register(
      new Histogram("plan_hygiene_handler_duration_seconds", "Time from receiving a verified delivery to the end of its handler.", ["event"], [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]),
    ),
    inFlight: registry.register(new Gauge("plan_hygiene_deliveries_in_flight", "Deliveries being handled right now.")),
    apiRequests: registry.register(
      new Counter("plan_hygiene_github_api_requests_total", "GitHub API requests made while handling deliveries, by HTTP status (\"error\" when no response).", ["status"]),
    ),
    rateLimitRemaining: registry.register(
      new Gauge("plan_hygiene_github_rate_limit_remaining", "x-ratelimit-remaining of the last GitHub response, by x-ratelimit-resource (core, graphql, …).", ["resource"]),
    ),
    coalesced: registry.register(
      new Counter("plan_hygiene_deliveries_coalesced_total", "PR check deliveries dropped because a newer delivery for the same pull request checks it."),
    ),
    deduplicated: registry.register(
      new Counter("plan_hygiene_deliveries_deduplicated_total", "Deliveries not handled again because their delivery id was already handled or queued (GitHub redeliveries)."),
    ),
    queueDepth: registry.register(
      new Gauge("plan_hygiene_queue_jobs", "Jobs in the delivery queue (REDIS_URL set), by state (waiting, delayed, active), refreshed every few seconds.", ["state"]),
    ),
    jobWait: registry.register(
      new Histogram("plan_hygiene_queue_job_wait_seconds", "Time from queueing a delivery to the start of the attempt that ran it.", [], [0.01, 0.05, 0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300]),
    ),
    jobRun: registry.register(
      new Histogram("plan_hygiene_queue_job_run_seconds", "Run time of one queued job attempt.", [], [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]),
    ),
    jobRetries: registry.register(
      new Counter("plan_hygiene_queue_job_retries_total", "Job attempts that failed transiently (5xx, rate limit, network) and will be retried with backoff."),
    ),
    jobs: registry.register(
      new Counter("plan_hygiene_queue_jobs_total", "Queued job attempts by outcome (ok, coalesced, retry, failed).", ["outcome"]),
    ),
    redeliveryScans: registry.register(
      new Counter("plan_hygiene_redelivery_scans_total", "Scans for failed webhook deliveries, by outcome (ok, error, locked: another replica was scanning).", ["outcome"]),
    ),
    redeliveriesRequested: registry.register(new Counter("plan_hygiene_redeliveries_requested_total", "Redeliveries of failed webhook deliveries GitHub accepted (POST /app/hook/deliveries/{id}/attempts).")),
    redeliveryErrors: registry.register(new Counter("plan_hygiene_redelivery_request_errors_total", "Redelivery requests GitHub refused or that got no answer (not retried: each event is redelivered at most once).")),
  };
}
