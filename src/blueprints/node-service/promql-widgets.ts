/**
 * The Node.js service dashboard for a sidecar exporting over OTLP (docs/sources.md#otel-metrics): the same bands as the
 * EMF dashboard, drawn with PromQL chart widgets. What differs from EMF: every series carries the scrape job as
 * `@resource.service.name`, metric names stay Prometheus-style (`*_total` included), and a Prometheus histogram
 * arrives as ONE native histogram per series (no `_bucket`/`_count`/`_sum`), so request rates are
 * `histogram_count(rate(...))` and percentiles are real. The prometheus receiver sends cumulative data, so `rate`
 * applies (on delta data it would be silently wrong).
 */
import { ChartWidget, type PromQLQuery } from '../../model/dashboard/chart-widget.js';
import { Duration } from '../../model/dashboard/duration.js';
import type { IWidget } from '../../model/dashboard/widget.js';
import { promqlSelector, type MatcherSpec } from '../../model/promql/strings.js';

export interface PromQLServiceWidgetsProps {
  /** `@resource.service.name`: the prometheus receiver's job name. */
  readonly serviceName: string;
  readonly statusCodeLabel: string;
  readonly serverErrorCodes: readonly string[];
}

const HTTP = 'http_request_duration_seconds';
const GC = 'nodejs_gc_duration_seconds';
const WIDE = { width: 8, height: 6 } as const;
const RATE_WINDOW = '5m';
const STEP = Duration.minutes(1);
const LINE = { filled: false, stacked: false, width: 2, pattern: 'solid', spline: false } as const;

/** The bands below the header, top to bottom. */
export function promqlServiceWidgets(props: PromQLServiceWidgetsProps): IWidget[][] {
  const service: MatcherSpec = ['@resource.service.name', '=', props.serviceName];
  const select = (metricName: string, ...matchers: MatcherSpec[]) => promqlSelector(metricName, [service, ...matchers]);
  const rate = (metricName: string, ...matchers: MatcherSpec[]) => `rate(${select(metricName, ...matchers)}[${RATE_WINDOW}])`;
  const errors: MatcherSpec = [props.statusCodeLabel, '=~', props.serverErrorCodes.join('|')];
  const requestsPerSecond = (by?: string) => `sum${by ? ` by (${by}) ` : ''}(histogram_count(${rate(HTTP)}))`;
  const errorShare = `100 * sum(histogram_count(${rate(HTTP, errors)})) / ${requestsPerSecond()}`;
  const latencyMs = (quantile: number) => `1000 * histogram_quantile(${quantile}, sum(${rate(HTTP)}))`;
  const query = (id: string, text: string, label?: string): PromQLQuery => ({ id, query: text, step: STEP, ...(label ? { label } : {}) });
  const chart = (title: string, view: 'line' | 'number', queries: PromQLQuery[], options: { stacked?: boolean; min?: number; width?: number; height?: number } = {}) =>
    new ChartWidget({
      title,
      view,
      queries,
      width: options.width ?? WIDE.width,
      height: options.height ?? WIDE.height,
      ...(view === 'number'
        ? { style: { numberOptions: { sparkline: true } } }
        : {
            legend: { position: 'bottom', show: true },
            xAxis: { type: 'datetime' },
            yAxis: [{ type: 'linear', ...(options.min === undefined ? {} : { min: options.min }) }],
            style: { lineOptions: { ...LINE, stacked: options.stacked ?? false } },
          }),
    });

  const headline: IWidget[] = [
    chart('Requests/s', 'number', [query('requests', requestsPerSecond())], { width: 6, height: 4 }),
    chart('Server errors (%)', 'number', [query('errors', errorShare)], { width: 6, height: 4 }),
    chart('p99 latency (ms)', 'number', [query('p99', latencyMs(0.99))], { width: 6, height: 4 }),
    chart('Open connections', 'number', [query('open', `sum(${select('expressjs_number_of_open_connections')})`)], { width: 6, height: 4 }),
  ];
  const traffic: IWidget[] = [
    chart('Requests/s by route', 'line', [query('routes', requestsPerSecond('route'))], { min: 0 }),
    chart('Requests/s by status code', 'line', [query('codes', requestsPerSecond(props.statusCodeLabel))], { stacked: true, min: 0 }),
    chart('Server errors (% of requests)', 'line', [query('errors', errorShare, `${props.serverErrorCodes.join('/')} share (%)`)], { min: 0 }),
  ];
  const runtime: IWidget[] = [
    chart('Latency (ms)', 'line', [query('p50', latencyMs(0.5), 'p50'), query('p90', latencyMs(0.9), 'p90'), query('p99', latencyMs(0.99), 'p99')], { min: 0 }),
    chart('Event loop lag (s)', 'line', ['p50', 'p90', 'p99'].map((p) => query(p, `max(${select(`nodejs_eventloop_lag_${p}_seconds`)})`, `${p} (worst pod)`))),
    chart('In flight', 'line', [
      query('open', `sum(${select('expressjs_number_of_open_connections')})`, 'open connections'),
      query('requests', `sum(${select('nodejs_active_requests_total')})`, 'active requests'),
      query('handles', `sum(${select('nodejs_active_handles_total')})`, 'active handles'),
    ]),
  ];
  const resources: IWidget[] = [
    chart('Heap and RSS (bytes)', 'line', [
      query('heap', `sum(${select('nodejs_heap_size_used_bytes')})`, 'heap used'),
      query('total', `sum(${select('nodejs_heap_size_total_bytes')})`, 'heap total'),
      query('rss', `max(${select('process_resident_memory_bytes')})`, 'RSS (worst pod)'),
    ], { min: 0 }),
    chart('Time in GC (%)', 'line', [query('gc', `100 * sum by (kind) (histogram_sum(${rate(GC)}))`)], { stacked: true, min: 0 }),
    chart('CPU (% of one core, all pods)', 'line', (['user', 'system'] as const).map((mode) => query(mode, `100 * sum(${rate(`process_cpu_${mode}_seconds_total`)})`, mode)), {
      stacked: true,
      min: 0,
    }),
  ];
  const health: IWidget[] = [
    chart('Restarts and scrape health', 'line', [
      query('restarts', `sum(changes(${select('process_start_time_seconds')}[1h]))`, 'process starts (1 h)'),
      query('up', `min(${select('up')})`, 'scrape up (worst target)'),
    ], { min: 0 }),
  ];
  return [headline, traffic, runtime, resources, health];
}
