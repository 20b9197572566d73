// A minimal Prometheus text exposition (format 0.0.4): counters, gauges and histograms with
// labels. Small enough to own instead of adding a dependency.

export type Labels = Readonly<Record<string, string>>;

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}

function formatLabels(names: readonly string[], values: readonly string[], extra = ""): string {
  const pairs = names.map((name, i) => `${name}="${escapeLabelValue(values[i] ?? "")}"`);
  if (extra) pairs.push(extra);
  return pairs.length ? `{${pairs.join(",")}}` : "";
}

abstract class Metric<Series> {
  protected readonly series = new Map<string, { values: string[]; data: Series }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[] = [],
  ) {}
  protected abstract readonly type: string;
  protected abstract fresh(): Series;
  protected abstract lines(labels: string[], data: Series): string[];

  protected at(labels: Labels): Series {
    const values = this.labelNames.map((name) => labels[name] ?? "");
    const key = JSON.stringify(values);
    let entry = this.series.get(key);
    if (!entry) {
      entry = { values, data: this.fresh() };
      this.series.set(key, entry);
    }
    return entry.data;
  }

  render(): string {
    const out = [`# HELP ${this.name} ${this.help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n")}`, `# TYPE ${this.name} ${this.type}`];
    // An unlabelled metric is always reported, 0 until first touched.
    if (this.labelNames.length === 0 && this.series.size === 0) this.at({});
    for (const { values, data } of this.series.values()) out.push(...this.lines(values, data));
    return out.join("\n") + "\n";
  }
}

export class Counter extends Metric<{ value: number }> {
  protected readonly type = "counter";
  protected fresh() { return { value: 0 }; }
  protected lines(values: string[], data: { value: number }) {
    return [`${this.name}${formatLabels(this.labelNames, values)} ${formatValue(data.value)}`];
  }
  inc(labels: Labels = {}, by = 1): void {
    if (!(by >= 0)) throw new RangeError(`${this.name}: a counter only goes up (got ${by})`);
    this.at(labels).value += by;
  }
}

export class Gauge extends Metric<{ value: number }> {
  protected readonly type = "gauge";
  protected fresh() { return { value: 0 }; }
  protected lines(values: string[], data: { value: number }) {
    return [`${this.name}${formatLabels(this.labelNames, values)} ${formatValue(data.value)}`];
  }
  set(labels: Labels, value: number): void { this.at(labels).value = value; }
  inc(labels: Labels = {}, by = 1): void { this.at(labels).value += by; }
  dec(labels: Labels = {}, by = 1): void { this.at(labels).value -= by; }
}

type HistogramSeries = { counts: number[]; sum: number; count: number };

export class Histogram extends Metric<HistogramSeries> {
  protected readonly type = "histogram";
  readonly buckets: readonly number[];
  constructor(name: string, help: string, labelNames: readonly string[], buckets: readonly number[]) {
    super(name, help, labelNames);
    this.buckets = [...buckets].sort((a, b) => a - b);
  }
  protected fresh(): HistogramSeries { return { counts: this.buckets.map(() => 0), sum: 0, count: 0 }; }
  protected lines(values: string[], data: HistogramSeries) {
    const lines = this.buckets.map((le, i) =>
      `${this.name}_bucket${formatLabels(this.labelNames, values, `le="${formatValue(le)}"`)} ${data.counts[i]}`);
    lines.push(`${this.name}_bucket${formatLabels(this.labelNames, values, 'le="+Inf"')} ${data.count}`);
    lines.push(`${this.name}_sum${formatLabels(this.labelNames, values)} ${formatValue(data.sum)}`);
    lines.push(`${this.name}_count${formatLabels(this.labelNames, values)} ${data.count}`);
    return lines;
  }
  /** Records one observation; buckets are cumulative (`le` = less than or equal). */
  observe(labels: Labels, value: number): void {
    const data = this.at(labels);
    this.buckets.forEach((le, i) => { if (value <= le) data.counts[i] += 1; });
    data.sum += value;
    data.count += 1;
  }
}

export interface Renderable { render(): string }

/** Renders metrics in registration order, one block each. */
export class Registry {
  private readonly metrics: Renderable[] = [];
  register<M extends Renderable>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }
  render(): string {
    return this.metrics.map((metric) => metric.render()).join("");
  }
}
