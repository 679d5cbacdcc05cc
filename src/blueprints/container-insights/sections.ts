/**
 * The sections of the cluster dashboard, each a list of bands (docs/sources.md#container-insights): the cluster at a glance,
 * one line per node, one line per service, then the namespace and the workload the dashboard variables pick.
 * Statistics follow what cluster dashboards usually show: utilisation as Average and Maximum, counts as Maximum or Sum.
 */
import { GraphWidget } from '../../model/dashboard/graph-widget.js';
import { SingleValueWidget } from '../../model/dashboard/single-value-widget.js';
import { TextWidget } from '../../model/dashboard/text-widget.js';
import type { IWidget } from '../../model/dashboard/widget.js';
import type { ClusterMetrics } from './cluster-metrics.js';

const QUARTER = { width: 6, height: 6 } as const;
const PERCENT_AXIS = { left: { min: 0, showUnits: false } } as const;

function heading(markdown: string): TextWidget {
  return new TextWidget({ markdown, width: 24, height: 1, background: 'transparent' });
}

export function clusterBands(m: ClusterMetrics): IWidget[][] {
  const value = (title: string, metric: ReturnType<ClusterMetrics['clusterWide']>) =>
    new SingleValueWidget({ title, metrics: [metric], width: 4, height: 4, sparkline: true });
  return [
    [
      value('Nodes', m.clusterWide('cluster_node_count', { statistic: 'Maximum', label: 'nodes' })),
      value('Failed nodes', m.clusterWide('cluster_failed_node_count', { statistic: 'Maximum', label: 'failed nodes' })),
      // One sample per namespace per collection: with a one-minute period their Sum is the cluster's running pods.
      value('Running pods', m.clusterWide('namespace_number_of_running_pods', { statistic: 'Sum', label: 'running pods' })),
      value('CPU (%)', m.clusterWide('node_cpu_utilization', { label: 'CPU (avg of nodes)' })),
      value('Memory (%)', m.clusterWide('node_memory_utilization', { label: 'memory (avg of nodes)' })),
      value('Disk (%)', m.clusterWide('node_filesystem_utilization', { statistic: 'Maximum', label: 'disk (fullest node)' })),
    ],
    [
      new GraphWidget({
        title: 'Cluster CPU, memory, disk (%)',
        metrics: [
          m.clusterWide('node_cpu_utilization', { label: 'CPU avg' }),
          m.clusterWide('node_cpu_utilization', { statistic: 'Maximum', label: 'CPU max' }),
          m.clusterWide('node_memory_utilization', { label: 'memory avg' }),
          m.clusterWide('node_memory_utilization', { statistic: 'Maximum', label: 'memory max' }),
          m.clusterWide('node_filesystem_utilization', { statistic: 'Maximum', label: 'disk max' }),
        ],
        yAxis: PERCENT_AXIS,
        ...QUARTER,
      }),
      new GraphWidget({
        title: 'Requested capacity (% of allocatable)',
        metrics: [
          m.clusterWide('node_cpu_reserved_capacity', { label: 'CPU requested' }),
          m.clusterWide('node_memory_reserved_capacity', { label: 'memory requested' }),
          m.clusterWide('pod_cpu_reserved_capacity', { statistic: 'Maximum', label: 'CPU, largest pod' }),
          m.clusterWide('pod_memory_reserved_capacity', { statistic: 'Maximum', label: 'memory, largest pod' }),
        ],
        yAxis: PERCENT_AXIS,
        ...QUARTER,
      }),
      new GraphWidget({
        title: 'Used vs capacity (millicores; bytes right)',
        metrics: [
          m.clusterWide('node_cpu_usage_total', { statistic: 'Sum', label: 'CPU used' }),
          m.clusterWide('node_cpu_limit', { statistic: 'Sum', label: 'CPU capacity' }),
          m.clusterWide('node_memory_working_set', { statistic: 'Sum', label: 'memory working set', yAxis: 'right' }),
          m.clusterWide('node_memory_limit', { statistic: 'Sum', label: 'memory capacity', yAxis: 'right' }),
        ],
        ...QUARTER,
      }),
      new GraphWidget({
        title: 'Network (bytes/s)',
        metrics: [
          m.clusterWide('node_network_total_bytes', { statistic: 'Sum', label: 'nodes total' }),
          m.clusterWide('pod_network_rx_bytes', { statistic: 'Sum', label: 'pods received' }),
          m.clusterWide('pod_network_tx_bytes', { statistic: 'Sum', label: 'pods sent' }),
        ],
        ...QUARTER,
      }),
    ],
  ];
}

export function nodeBands(m: ClusterMetrics): IWidget[][] {
  return [
    [heading('## Nodes')],
    [
      new GraphWidget({ title: 'CPU by node (%)', metrics: [m.perNode('node_cpu_utilization', 'Average')], yAxis: PERCENT_AXIS, ...QUARTER }),
      new GraphWidget({ title: 'Memory by node (%)', metrics: [m.perNode('node_memory_utilization', 'Average')], yAxis: PERCENT_AXIS, ...QUARTER }),
      new GraphWidget({ title: 'Disk by node (%)', metrics: [m.perNode('node_filesystem_utilization', 'Maximum')], yAxis: PERCENT_AXIS, ...QUARTER }),
      new GraphWidget({ title: 'Running pods by node', metrics: [m.perNode('node_number_of_running_pods', 'Maximum')], ...QUARTER }),
    ],
  ];
}

export function serviceBands(m: ClusterMetrics): IWidget[][] {
  return [
    [heading('## Services')],
    [
      new GraphWidget({ title: 'Ready pods by service', metrics: [m.perService('service_number_of_running_pods', 'Maximum')], ...QUARTER }),
      new GraphWidget({ title: 'CPU by service (% of node)', metrics: [m.perService('pod_cpu_utilization', 'Average')], yAxis: PERCENT_AXIS, ...QUARTER }),
      new GraphWidget({ title: 'Memory by service (% of node)', metrics: [m.perService('pod_memory_utilization', 'Average')], yAxis: PERCENT_AXIS, ...QUARTER }),
      new GraphWidget({ title: 'Received by service (bytes/s)', metrics: [m.perService('pod_network_rx_bytes', 'Sum')], ...QUARTER }),
    ],
  ];
}

/** Follows the `namespace` variable: every row carries the Namespace dimension it replaces. */
export function namespaceBands(m: ClusterMetrics, namespace: string): IWidget[][] {
  return [
    [heading('## Namespace (pick it above)')],
    [
      new GraphWidget({ title: 'Namespace: running pods', metrics: [m.inNamespace('namespace_number_of_running_pods', namespace, { statistic: 'Maximum', label: 'running pods' })], ...QUARTER }),
      new GraphWidget({
        title: 'Namespace: CPU and memory (% of node)',
        metrics: [
          m.inNamespace('pod_cpu_utilization', namespace, { label: 'CPU (avg of pods)' }),
          m.inNamespace('pod_memory_utilization', namespace, { label: 'memory (avg of pods)' }),
        ],
        yAxis: PERCENT_AXIS,
        ...QUARTER,
      }),
      new GraphWidget({
        title: 'Namespace: network (bytes/s)',
        metrics: [
          m.inNamespace('pod_network_rx_bytes', namespace, { statistic: 'Sum', label: 'received' }),
          m.inNamespace('pod_network_tx_bytes', namespace, { statistic: 'Sum', label: 'sent' }),
        ],
        ...QUARTER,
      }),
      new GraphWidget({
        title: 'Namespace: busiest pod (%)',
        metrics: [
          m.inNamespace('pod_cpu_utilization', namespace, { statistic: 'Maximum', label: 'CPU (max pod, % of node)' }),
          m.inNamespace('pod_memory_utilization', namespace, { statistic: 'Maximum', label: 'memory (max pod, % of node)' }),
        ],
        yAxis: PERCENT_AXIS,
        ...QUARTER,
      }),
    ],
  ];
}

/** Follows both variables. The `_over_pod_limit` lines exist only for pods whose containers all have limits. */
export function workloadBands(m: ClusterMetrics, namespace: string, workload: string): IWidget[][] {
  const line = (metricName: string, options: Parameters<ClusterMetrics['workload']>[3]) => m.workload(metricName, namespace, workload, options);
  return [
    [heading('## Workload (pick it above)')],
    [
      new GraphWidget({
        title: 'Workload: CPU and memory (%)',
        metrics: [
          line('pod_cpu_utilization', { statistic: 'Maximum', label: 'CPU, % of node' }),
          line('pod_memory_utilization', { statistic: 'Maximum', label: 'memory, % of node' }),
          line('pod_cpu_utilization_over_pod_limit', { statistic: 'Maximum', label: 'CPU, % of limit' }),
          line('pod_memory_utilization_over_pod_limit', { statistic: 'Maximum', label: 'memory, % of limit' }),
        ],
        yAxis: PERCENT_AXIS,
        horizontalAnnotations: [{ value: 100, label: 'limit', color: '#d62728' }],
        ...QUARTER,
      }),
      new GraphWidget({
        title: 'Workload: requested (% of node)',
        metrics: [line('pod_cpu_reserved_capacity', { label: 'CPU requested' }), line('pod_memory_reserved_capacity', { label: 'memory requested' })],
        yAxis: PERCENT_AXIS,
        ...QUARTER,
      }),
      new GraphWidget({ title: 'Workload: container restarts', metrics: [line('pod_number_of_container_restarts', { statistic: 'Sum', label: 'restarts' })], view: 'bar', ...QUARTER }),
      new GraphWidget({
        title: 'Workload: network (bytes/s)',
        metrics: [line('pod_network_rx_bytes', { statistic: 'Sum', label: 'received' }), line('pod_network_tx_bytes', { statistic: 'Sum', label: 'sent' })],
        ...QUARTER,
      }),
    ],
  ];
}
