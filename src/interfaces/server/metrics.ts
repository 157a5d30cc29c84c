/**
 * Prometheus metrics in the text exposition format (version 0.0.4), without a client library:
 * counters, one gauge family and one histogram, with bounded label sets (endpoints are fixed,
 * controls are Rampart's own IDs, reasons are typed codes).
 */

export const LATENCY_BUCKETS_SECONDS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5];

type Labels = Record<string, string>;

function escapeLabelValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function labelText(labels: Labels): string {
  const keys = Object.keys(labels);
  if (keys.length === 0) return '';
  return `{${keys.map((k) => `${k}="${escapeLabelValue(labels[k] as string)}"`).join(',')}}`;
}

function formatNumber(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return String(n);
}

class CounterFamily {
  private readonly values = new Map<string, { labels: Labels; value: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const e = this.values.get(key);
    if (e) e.value += by;
    else this.values.set(key, { labels, value: by });
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }
  render(out: string[], type = 'counter'): void {
    out.push(`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${type}`);
    for (const { labels, value } of this.values.values()) out.push(`${this.name}${labelText(labels)} ${formatNumber(value)}`);
  }
}

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}
  observe(labels: Labels, value: number): void {
    const key = labelText(labels);
    let s = this.series.get(key);
    if (!s) this.series.set(key, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= (this.buckets[i] as number)) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  count(labels: Labels): number {
    return this.series.get(labelText(labels))?.count ?? 0;
  }
  render(out: string[]): void {
    out.push(`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`);
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => out.push(`${this.name}_bucket${labelText({ ...s.labels, le: formatNumber(b) })} ${s.counts[i]}`));
      out.push(`${this.name}_bucket${labelText({ ...s.labels, le: '+Inf' })} ${s.count}`);
      out.push(`${this.name}_sum${labelText(s.labels)} ${formatNumber(s.sum)}`);
      out.push(`${this.name}_count${labelText(s.labels)} ${s.count}`);
    }
  }
}

export class AdmissionMetrics {
  readonly requests = new CounterFamily('rampart_admission_requests_total', 'HTTP requests by endpoint and status code.');
  readonly decisions = new CounterFamily('rampart_admission_decisions_total', 'Admission decisions by endpoint and outcome (allowed, denied, warned, mutated, skipped).');
  readonly controlActions = new CounterFamily('rampart_admission_control_actions_total', 'Controls that fired, by control and action (enforce, warn, audit, mutate).');
  readonly errors = new CounterFamily('rampart_admission_errors_total', 'Requests that got no decision, by endpoint and reason.');
  readonly certReloads = new CounterFamily('rampart_admission_certificate_reloads_total', 'Serving certificate reloads by result.');
  readonly latency = new Histogram('rampart_admission_request_duration_seconds', 'Time from request start to response, by endpoint.', LATENCY_BUCKETS_SECONDS);
  inflight = 0;

  render(): string {
    const out: string[] = [];
    this.requests.render(out);
    this.decisions.render(out);
    this.controlActions.render(out);
    this.errors.render(out);
    this.certReloads.render(out);
    this.latency.render(out);
    out.push('# HELP rampart_admission_inflight_requests Reviews being processed now.', '# TYPE rampart_admission_inflight_requests gauge', `rampart_admission_inflight_requests ${this.inflight}`);
    out.push('# HELP process_resident_memory_bytes Resident memory size in bytes.', '# TYPE process_resident_memory_bytes gauge', `process_resident_memory_bytes ${process.memoryUsage.rss()}`);
    return out.join('\n') + '\n';
  }
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
