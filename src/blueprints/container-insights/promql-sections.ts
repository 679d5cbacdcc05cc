/**
 * The cluster dashboard's sections in PromQL, for the Container Insights DaemonSet exporting over OTLP instead of
 * awsemf. The receiver's event labels (ClusterName, NodeName, Namespace, PodName, Service, ...) are resource
 * attributes (awsemf turns them into dimensions with `resource_to_telemetry_conversion`: docs/sources.md#container-insights),
 * so PromQL sees them as `@resource.<label>` (docs/sources.md#otel-metrics). Without awsemf there are no metric declarations
 * and no performance log events: every series of every entity arrives, and the dashboard aggregates with `by (...)`.
 */
import { ChartWidget, type PromQLQuery } from '../../model/dashboard/chart-widget.js';
import { Duration } from '../../model/dashboard/duration.js';
import { TextWidget } from '../../model/dashboard/text-widget.js';
import type { IWidget } from '../../model/dashboard/widget.js';
import { promqlSelector, quotePromQLName, type MatcherSpec } from '../../model/promql/strings.js';

const QUARTER = { width: 6, height: 6 } as const;
const STEP = Duration.minutes(1);
const LINE = { filled: false, stacked: false, width: 2, pattern: 'solid', spline: false } as const;

export interface PromQLClusterProps {
  readonly cluster: string;
  readonly namespace: string;
  readonly workload: string;
}

/** `@resource.<label>` as written in a matcher or a `by (...)`. */
const resource = (label: string) => `@resource.${label}`;
const by = (...labels: string[]) => `by (${labels.map((label) => quotePromQLName(resource(label))).join(', ')})`;

export function promqlClusterBands(props: PromQLClusterProps): IWidget[][] {
  const inCluster: MatcherSpec = [resource('ClusterName'), '=', props.cluster];
  const select = (metricName: string, ...matchers: MatcherSpec[]) => promqlSelector(metricName, [inCluster, ...matchers]);
  const query = (id: string, text: string, label?: string): PromQLQuery => ({ id, query: text, step: STEP, ...(label ? { label } : {}) });
  const value = (title: string, text: string) => new ChartWidget({ title, view: 'number', queries: [query('v', text)], width: 4, height: 4, style: { numberOptions: { sparkline: true } } });
  const lines = (title: string, queries: PromQLQuery[], options: { stacked?: boolean; min?: number; view?: 'line' | 'bar' } = {}) =>
    new ChartWidget({
      title,
      view: options.view ?? 'line',
      queries,
      legend: { position: 'bottom', show: true },
      xAxis: { type: 'datetime' },
      yAxis: [{ type: 'linear', ...(options.min === undefined ? {} : { min: options.min }) }],
      style: { lineOptions: { ...LINE, stacked: options.stacked ?? false } },
      ...QUARTER,
    });
  const heading = (markdown: string) => new TextWidget({ markdown, width: 24, height: 1, background: 'transparent' });
  const ns: MatcherSpec = [resource('Namespace'), '=', props.namespace];
  const pod: MatcherSpec = [resource('PodName'), '=', props.workload];
  const withService: MatcherSpec = [resource('Service'), '!=', ''];

  return [
    [
      value('Nodes', `max(${select('cluster_node_count')})`),
      value('Failed nodes', `max(${select('cluster_failed_node_count')})`),
      value('Running pods', `sum(${select('namespace_number_of_running_pods')})`),
      value('CPU (%)', `avg(${select('node_cpu_utilization')})`),
      value('Memory (%)', `avg(${select('node_memory_utilization')})`),
      value('Disk (%)', `max(${select('node_filesystem_utilization')})`),
    ],
    [
      lines('Cluster CPU, memory, disk (%)', [
        query('cpu', `avg(${select('node_cpu_utilization')})`, 'CPU avg'),
        query('cpuMax', `max(${select('node_cpu_utilization')})`, 'CPU max'),
        query('memory', `avg(${select('node_memory_utilization')})`, 'memory avg'),
        query('disk', `max(${select('node_filesystem_utilization')})`, 'disk max'),
      ], { min: 0 }),
      lines('Requested capacity (% of allocatable)', [
        query('cpu', `avg(${select('node_cpu_reserved_capacity')})`, 'CPU requested'),
        query('memory', `avg(${select('node_memory_reserved_capacity')})`, 'memory requested'),
      ], { min: 0 }),
      lines('Used vs capacity (millicores)', [
        query('used', `sum(${select('node_cpu_usage_total')})`, 'CPU used'),
        query('limit', `sum(${select('node_cpu_limit')})`, 'CPU capacity'),
      ], { min: 0 }),
      lines('Network (bytes/s)', [
        query('nodes', `sum(${select('node_network_total_bytes')})`, 'nodes total'),
        query('rx', `sum(${select('pod_network_rx_bytes')})`, 'pods received'),
        query('tx', `sum(${select('pod_network_tx_bytes')})`, 'pods sent'),
      ], { min: 0 }),
    ],
    [heading('## Nodes')],
    [
      lines('CPU by node (%)', [query('cpu', `avg ${by('NodeName')} (${select('node_cpu_utilization')})`)], { min: 0 }),
      lines('Memory by node (%)', [query('memory', `avg ${by('NodeName')} (${select('node_memory_utilization')})`)], { min: 0 }),
      lines('Disk by node (%)', [query('disk', `max ${by('NodeName')} (${select('node_filesystem_utilization')})`)], { min: 0 }),
      lines('Running pods by node', [query('pods', `max ${by('NodeName')} (${select('node_number_of_running_pods')})`)], { min: 0 }),
    ],
    [heading('## Services and namespaces')],
    [
      lines('Ready pods by service', [query('ready', `max ${by('Namespace', 'Service')} (${select('service_number_of_running_pods')})`)], { min: 0 }),
      lines('CPU by service (% of node)', [query('cpu', `sum ${by('Namespace', 'Service')} (${select('pod_cpu_utilization', withService)})`)], { stacked: true, min: 0 }),
      lines('Running pods by namespace', [query('pods', `max ${by('Namespace')} (${select('namespace_number_of_running_pods')})`)], { min: 0 }),
      lines('Memory by namespace (% of node)', [query('memory', `sum ${by('Namespace')} (${select('pod_memory_utilization')})`)], { stacked: true, min: 0 }),
    ],
    [heading(`## Workload ${props.namespace}/${props.workload}`)],
    [
      lines('Workload: CPU and memory (%)', [
        query('cpu', `max(${select('pod_cpu_utilization', ns, pod)})`, 'CPU, % of node'),
        query('memory', `max(${select('pod_memory_utilization', ns, pod)})`, 'memory, % of node'),
        query('cpuLimit', `max(${select('pod_cpu_utilization_over_pod_limit', ns, pod)})`, 'CPU, % of limit'),
        query('memoryLimit', `max(${select('pod_memory_utilization_over_pod_limit', ns, pod)})`, 'memory, % of limit'),
      ], { min: 0 }),
      lines('Workload: requested (% of node)', [
        query('cpu', `sum(${select('pod_cpu_reserved_capacity', ns, pod)})`, 'CPU requested'),
        query('memory', `sum(${select('pod_memory_reserved_capacity', ns, pod)})`, 'memory requested'),
      ], { min: 0 }),
      lines('Workload: container restarts', [query('restarts', `sum(sum_over_time(${select('pod_number_of_container_restarts', ns, pod)}[5m]))`, 'restarts')], { view: 'bar', min: 0 }),
      lines('Workload: busiest container CPU (% of node)', [query('container', `max(${select('container_cpu_utilization', ns, pod)})`, 'busiest container')], { min: 0 }),
    ],
  ];
}
