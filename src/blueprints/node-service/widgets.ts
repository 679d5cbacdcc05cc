/**
 * The widgets of the Node.js service dashboard, band by band. Math notes (docs/sources.md#awsemf): the request-duration and
 * GC histograms arrive as statistic sets of CUMULATIVE Count and Sum, one per scrape, so a period of P seconds holds
 * P / scrapeInterval of them; `RATE(x) * interval / PERIOD(x)` is then the per-second rate of the underlying counter.
 * Counters (`*_total`) arrive as per-scrape deltas: their Sum over a period is the increase in that period.
 */
import { Duration } from '../../model/dashboard/duration.js';
import { GraphWidget } from '../../model/dashboard/graph-widget.js';
import { MathExpression } from '../../model/dashboard/math-expression.js';
import { Metric } from '../../model/dashboard/metric.js';
import type { IMetric } from '../../model/dashboard/metric-types.js';
import { SingleValueWidget } from '../../model/dashboard/single-value-widget.js';
import type { IWidget } from '../../model/dashboard/widget.js';
import type { EmfMetrics } from './emf-metrics.js';

/** Where the service runs in a cluster that has Container Insights (namespace `ContainerInsights`). */
export interface KubernetesWorkload {
  /** The `ClusterName` dimension. */
  readonly clusterName: string;
  /** The Kubernetes namespace. */
  readonly namespace: string;
  /** The workload as Container Insights names it (`PodName`): the Deployment name for a Deployment's pods. */
  readonly podName: string;
}

export interface NodeServiceWidgetsProps {
  readonly metrics: EmfMetrics;
  readonly service: string;
  readonly scrapeIntervalSeconds: number;
  readonly statusCodeLabel: string;
  readonly serverErrorCodes: readonly string[];
  readonly kubernetes: KubernetesWorkload | undefined;
}

const HTTP = 'http_request_duration_seconds';
const GC = 'nodejs_gc_duration_seconds';
const WIDE = { width: 8, height: 6 } as const;

/** The bands below the header, top to bottom. */
export function nodeServiceWidgets(props: NodeServiceWidgetsProps): IWidget[][] {
  const { metrics } = props;
  const httpLabels = [props.statusCodeLabel, 'method', 'route'];
  const interval = props.scrapeIntervalSeconds;
  const requests = () => metrics.total(HTTP, httpLabels, 'SampleCount');
  const perSecond = (expression: string, label: string, usingMetrics: Record<string, IMetric>, id?: string) =>
    new MathExpression({ expression: `${expression} * ${interval} / PERIOD(requests)`, label, usingMetrics: { requests: requests(), ...usingMetrics }, ...(id ? { id } : {}) });
  const requestRate = () => perSecond('RATE(requests)', 'requests/s', {});
  const errorShare = () =>
    new MathExpression({
      expression: '100 * RATE(SUM(errors)) / RATE(requests)',
      label: `${props.serverErrorCodes.join('/')} share (%)`,
      usingMetrics: { errors: metrics.byLabel(HTTP, props.statusCodeLabel, httpLabels, 'SampleCount', props.serverErrorCodes), requests: requests() },
    });
  const meanLatency = () =>
    new MathExpression({
      expression: '1000 * DIFF(latency) / DIFF(requests)',
      label: 'mean latency (ms)',
      usingMetrics: { latency: metrics.total(HTTP, httpLabels, 'Sum'), requests: requests() },
    });
  const openConnections = () => metrics.unlabelled('expressjs_number_of_open_connections', { label: 'open connections (avg per pod)' });

  const headline: IWidget[] = [
    new SingleValueWidget({ title: 'Requests/s', metrics: [requestRate()], width: 6, height: 4, sparkline: true }),
    new SingleValueWidget({ title: 'Server errors (%)', metrics: [errorShare()], width: 6, height: 4, sparkline: true }),
    new SingleValueWidget({ title: 'Mean latency (ms)', metrics: [meanLatency()], width: 6, height: 4, sparkline: true }),
    new SingleValueWidget({ title: 'Open connections', metrics: [openConnections()], width: 6, height: 4, sparkline: true }),
  ];
  const traffic: IWidget[] = [
    new GraphWidget({
      title: 'Requests/s by route',
      metrics: [perSecond('RATE(routes)', "${PROP('Dim.route')}", { routes: metrics.byLabel(HTTP, 'route', httpLabels, 'SampleCount') })],
      ...WIDE,
    }),
    new GraphWidget({
      title: 'Requests/s by status code',
      metrics: [perSecond('RATE(codes)', `\${PROP('Dim.${props.statusCodeLabel}')}`, { codes: metrics.byLabel(HTTP, props.statusCodeLabel, httpLabels, 'SampleCount') })],
      stacked: true,
      ...WIDE,
    }),
    new GraphWidget({ title: 'Server errors (% of requests)', metrics: [errorShare()], yAxis: { left: { min: 0, showUnits: false } }, ...WIDE }),
  ];
  const runtime: IWidget[] = [
    new GraphWidget({ title: 'Mean latency (ms)', metrics: [meanLatency()], yAxis: { left: { min: 0, showUnits: false } }, ...WIDE }),
    new GraphWidget({
      title: 'Event loop lag (s)',
      metrics: ['p50', 'p90', 'p99'].map((p) => metrics.unlabelled(`nodejs_eventloop_lag_${p}_seconds`, { statistic: 'Maximum', label: `${p} (worst pod)` })),
      ...WIDE,
    }),
    new GraphWidget({
      title: 'In flight',
      metrics: [
        openConnections(),
        metrics.unlabelled('nodejs_active_requests_total', { label: 'active requests (avg per pod)' }),
        metrics.unlabelled('nodejs_active_handles_total', { label: 'active handles (avg per pod)', yAxis: 'right' }),
      ],
      ...WIDE,
    }),
  ];
  const resources: IWidget[] = [
    new GraphWidget({
      title: 'Heap and RSS (bytes)',
      metrics: [
        metrics.unlabelled('nodejs_heap_size_used_bytes', { label: 'heap used (avg)' }),
        metrics.unlabelled('nodejs_heap_size_total_bytes', { label: 'heap total (avg)' }),
        metrics.unlabelled('nodejs_external_memory_bytes', { label: 'external (avg)' }),
        metrics.unlabelled('process_resident_memory_bytes', { label: 'RSS (avg)' }),
        metrics.unlabelled('process_resident_memory_bytes', { statistic: 'Maximum', label: 'RSS (worst pod)' }),
      ],
      ...WIDE,
    }),
    new GraphWidget({
      title: 'Time in GC (%)',
      metrics: [
        new MathExpression({
          expression: `100 * RATE(kinds) * ${interval} / PERIOD(gc)`,
          label: "${PROP('Dim.kind')}",
          usingMetrics: { kinds: metrics.byLabel(GC, 'kind', ['kind'], 'Sum'), gc: metrics.total(GC, ['kind'], 'Sum') },
        }),
      ],
      stacked: true,
      ...WIDE,
    }),
    new GraphWidget({
      title: 'CPU (% of one core, all pods)',
      metrics: (['user', 'system'] as const).map(
        (mode) =>
          new MathExpression({
            expression: `100 * cpu_${mode} / PERIOD(cpu_${mode})`,
            label: mode,
            usingMetrics: { [`cpu_${mode}`]: metrics.unlabelled(`process_cpu_${mode}_seconds_total`, { statistic: 'Sum' }) },
          }),
      ),
      stacked: true,
      ...WIDE,
    }),
  ];
  const health: IWidget[] = [
    new GraphWidget({
      title: 'Restarts and scrape health',
      metrics: [
        new MathExpression({
          expression: 'IF(DIFF(started) > 0, 1, 0)',
          label: 'a process started',
          usingMetrics: { started: metrics.unlabelled('process_start_time_seconds', { statistic: 'Maximum' }) },
        }),
        metrics.unlabelled('up', { statistic: 'Minimum', label: 'scrape up (worst target)' }),
      ],
      yAxis: { left: { min: 0, max: 1, showUnits: false } },
      ...WIDE,
    }),
    ...(props.kubernetes ? kubernetesWidgets(props.kubernetes) : []),
  ];
  return [headline, traffic, runtime, resources, health];
}

/** Container Insights' view of the service's pods: restarts, and CPU and memory against the pods' limits. */
export function kubernetesWidgets(workload: KubernetesWorkload): IWidget[] {
  const pod = (metricName: string, statistic: string, label: string) =>
    new Metric({
      namespace: 'ContainerInsights',
      metricName,
      statistic,
      label,
      period: Duration.minutes(1),
      dimensionsMap: { ClusterName: workload.clusterName, Namespace: workload.namespace, PodName: workload.podName },
    });
  return [
    new GraphWidget({
      title: `Pods of ${workload.podName}: CPU and memory (% of limit)`,
      metrics: [
        pod('pod_cpu_utilization_over_pod_limit', 'Maximum', 'CPU (worst pod)'),
        pod('pod_memory_utilization_over_pod_limit', 'Maximum', 'memory (worst pod)'),
      ],
      yAxis: { left: { min: 0, showUnits: false } },
      horizontalAnnotations: [{ value: 100, label: 'limit', color: '#d62728' }],
      ...WIDE,
    }),
    new GraphWidget({
      title: `Pods of ${workload.podName}: container restarts`,
      metrics: [pod('pod_number_of_container_restarts', 'Sum', 'restarts')],
      view: 'bar',
      ...WIDE,
    }),
  ];
}
