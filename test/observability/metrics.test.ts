import { describe, it, expect } from "@jest/globals";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Counter, Gauge, Histogram, Registry } from "../../src/observability/metrics.js";
import { createAppMetrics } from "../../src/observability/app-metrics.js";
import { createMetricsRoute, metricsEnabled } from "../../src/observability/metrics-route.js";

describe("Prometheus text exposition", () => {
  it("renders counters, gauges and histograms exactly", () => {
    const registry = new Registry();
    const counter = registry.register(new Counter("jobs_total", "Jobs done.", ["event", "outcome"]));
    const gauge = registry.register(new Gauge("queue_depth", "Items queued."));
    const histogram = registry.register(new Histogram("job_seconds", "Job time.", ["event"], [1, 0.1, 0.5]));
    counter.inc({ event: "pull_request.opened", outcome: "ok" });
    counter.inc({ event: "pull_request.opened", outcome: "ok" }, 2);
    counter.inc({ event: 'we"ird\\\n', outcome: "error" });
    gauge.set({}, 4);
    gauge.dec();
    histogram.observe({ event: "push" }, 0.1);
    histogram.observe({ event: "push" }, 0.75);
    histogram.observe({ event: "push" }, 3);
    expect(registry.render()).toBe(
      [
        "# HELP jobs_total Jobs done.",
        "# TYPE jobs_total counter",
        'jobs_total{event="pull_request.opened",outcome="ok"} 3',
        'jobs_total{event="we\\"ird\\\\\\n",outcome="error"} 1',
        "# HELP queue_depth Items queued.",
        "# TYPE queue_depth gauge",
        "queue_depth 3",
        "# HELP job_seconds Job time.",
        "# TYPE job_seconds histogram",
        'job_seconds_bucket{event="push",le="0.1"} 1',
        'job_seconds_bucket{event="push",le="0.5"} 1',
        'job_seconds_bucket{event="push",le="1"} 2',
        'job_seconds_bucket{event="push",le="+Inf"} 3',
        'job_seconds_sum{event="push"} 3.85',
        'job_seconds_count{event="push"} 3',
        "",
      ].join("\n"),
    );
  });

  it("reports an untouched unlabelled metric as 0 and a labelled one with no series", () => {
    const registry = new Registry();
    registry.register(new Counter("a_total", "A."));
    registry.register(new Counter("b_total", "B.", ["x"]));
    expect(registry.render()).toBe("# HELP a_total A.\n# TYPE a_total counter\na_total 0\n# HELP b_total B.\n# TYPE b_total counter\n");
  });

  it("refuses to decrease a counter", () => {
    expect(() => new Counter("c_total", "C.").inc({}, -1)).toThrow("c_total: a counter only goes up (got -1)");
  });
});

describe("/metrics route", () => {
  it("serves the registry over HTTP and leaves other paths alone", async () => {
    const metrics = createAppMetrics();
    metrics.deliveries.inc({ event: "pull_request.opened", outcome: "ok" });
    const route = createMetricsRoute(metrics.registry);
    const server = createServer((req, res) => {
      if (!route(req, res)) res.writeHead(404).end("not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await fetch(`${base}/metrics`);
      expect(ok.status).toBe(200);
      expect(ok.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
      const body = await ok.text();
      expect(body).toBe(metrics.registry.render());
      expect(body).toContain('plan_hygiene_deliveries_total{event="pull_request.opened",outcome="ok"} 1\n');
      expect(body).toContain("plan_hygiene_deliveries_in_flight 0\n");
      expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(405);
      expect((await fetch(`${base}/ping`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("is off unless METRICS_ENABLED says otherwise, and a typo is an error", () => {
    expect(metricsEnabled({})).toBe(false);
    expect(metricsEnabled({ METRICS_ENABLED: "false" })).toBe(false);
    expect(metricsEnabled({ METRICS_ENABLED: "true" })).toBe(true);
    expect(metricsEnabled({ METRICS_ENABLED: "1" })).toBe(true);
    expect(() => metricsEnabled({ METRICS_ENABLED: "ture" })).toThrow('METRICS_ENABLED is "ture", expected true or false.');
  });
});
