/**
 * What the `awscontainerinsightreceiver` (EKS on EC2) emits each collection: one event type per level, each with its
 * metric names and CloudWatch units (container-insights.md §2-§3, the receiver's README tables and const.go). Only
 * the names matter for which CloudWatch metrics exist: awsemf extracts the names its `metric_declarations` select,
 * the rest stay plain fields of the performance log event. Conditional pod metrics are marked so the prediction
 * emits them only for pods whose containers have the requests or limits they need.
 */

export type EventType =
  | 'Cluster'
  | 'ClusterNamespace'
  | 'ClusterService'
  | 'Node'
  | 'NodeFS'
  | 'NodeNet'
  | 'NodeDiskIO'
  | 'Pod'
  | 'PodNet'
  | 'Container'
  | 'ContainerFS';

/**
 * When a pod metric is present: `cpuRequest` if some container requests CPU, `cpuLimit` if every container has a
 * CPU limit (the same for memory); the others always.
 */
export type PodCondition = 'cpuRequest' | 'memoryRequest' | 'cpuLimit' | 'memoryLimit';

export interface ReceiverMetric {
  readonly name: string;
  /** The EMF unit the receiver writes; `''` for the millicore CPU metrics, which it deliberately leaves unitless. */
  readonly unit: string;
  readonly when?: PodCondition;
}

const metric = (name: string, unit: string, when?: PodCondition): ReceiverMetric => (when ? { name, unit, when } : { name, unit });

/** cAdvisor CPU and memory metrics, shared by node, pod and container events under their own prefix. */
function cpuAndMemory(prefix: 'node' | 'pod' | 'container'): ReceiverMetric[] {
  return [
    metric(`${prefix}_cpu_usage_total`, ''),
    metric(`${prefix}_cpu_usage_user`, ''),
    metric(`${prefix}_cpu_usage_system`, ''),
    metric(`${prefix}_cpu_utilization`, 'Percent'),
    ...['cache', 'rss', 'max_usage', 'mapped_file', 'swap', 'usage', 'working_set'].map((name) => metric(`${prefix}_memory_${name}`, 'Bytes')),
    metric(`${prefix}_memory_failcnt`, 'Count'),
    ...['pgfault', 'pgmajfault', 'hierarchical_pgfault', 'hierarchical_pgmajfault'].map((name) => metric(`${prefix}_memory_${name}`, 'Count/Second')),
    metric(`${prefix}_memory_utilization`, 'Percent'),
  ];
}

/** rx/tx bytes, packets, dropped, errors and the total, under a prefix (`node_network`, `pod_interface_network`, ...). */
function network(prefix: string): ReceiverMetric[] {
  return [
    ...['rx_bytes', 'tx_bytes', 'total_bytes'].map((name) => metric(`${prefix}_${name}`, 'Bytes/Second')),
    ...['rx_packets', 'tx_packets', 'rx_dropped', 'tx_dropped', 'rx_errors', 'tx_errors'].map((name) => metric(`${prefix}_${name}`, 'Count/Second')),
  ];
}

function filesystem(prefix: 'node' | 'container'): ReceiverMetric[] {
  return [
    ...['available', 'capacity', 'usage'].map((name) => metric(`${prefix}_filesystem_${name}`, 'Bytes')),
    metric(`${prefix}_filesystem_utilization`, 'Percent'),
    ...(prefix === 'node' ? [metric('node_filesystem_inodes', 'Count'), metric('node_filesystem_inodes_free', 'Count')] : []),
  ];
}

const DISK_IO = ['async', 'read', 'sync', 'total', 'write'].flatMap((kind) => [
  metric(`node_diskio_io_serviced_${kind}`, 'Count/Second'),
  metric(`node_diskio_io_service_bytes_${kind}`, 'Bytes/Second'),
]);

export const RECEIVER_METRICS: Readonly<Record<EventType, readonly ReceiverMetric[]>> = {
  Cluster: [metric('cluster_node_count', 'Count'), metric('cluster_failed_node_count', 'Count')],
  ClusterNamespace: [metric('namespace_number_of_running_pods', 'Count')],
  ClusterService: [metric('service_number_of_running_pods', 'Count')],
  Node: [
    ...cpuAndMemory('node'),
    metric('node_cpu_limit', ''),
    metric('node_cpu_request', ''),
    metric('node_cpu_reserved_capacity', 'Percent'),
    metric('node_memory_limit', 'Bytes'),
    metric('node_memory_request', 'Bytes'),
    metric('node_memory_reserved_capacity', 'Percent'),
    ...network('node_network'),
    metric('node_number_of_running_pods', 'Count'),
    metric('node_number_of_running_containers', 'Count'),
  ],
  NodeFS: filesystem('node'),
  NodeNet: network('node_interface_network'),
  NodeDiskIO: DISK_IO,
  Pod: [
    ...cpuAndMemory('pod'),
    metric('pod_cpu_request', '', 'cpuRequest'),
    metric('pod_cpu_reserved_capacity', 'Percent', 'cpuRequest'),
    metric('pod_cpu_limit', '', 'cpuLimit'),
    metric('pod_cpu_utilization_over_pod_limit', 'Percent', 'cpuLimit'),
    metric('pod_memory_request', 'Bytes', 'memoryRequest'),
    metric('pod_memory_reserved_capacity', 'Percent', 'memoryRequest'),
    metric('pod_memory_limit', 'Bytes', 'memoryLimit'),
    metric('pod_memory_utilization_over_pod_limit', 'Percent', 'memoryLimit'),
    ...network('pod_network'),
    metric('pod_number_of_container_restarts', 'Count'),
    metric('pod_number_of_containers', 'Count'),
    metric('pod_number_of_running_containers', 'Count'),
  ],
  PodNet: network('pod_interface_network'),
  Container: [
    ...cpuAndMemory('container'),
    metric('container_cpu_limit', ''),
    metric('container_cpu_request', ''),
    metric('container_memory_limit', 'Bytes'),
    metric('container_memory_request', 'Bytes'),
    metric('number_of_container_restarts', 'Count'),
  ],
  ContainerFS: filesystem('container'),
};

/** The unit of a receiver metric name, for the prediction's output. */
export function receiverMetricUnit(name: string): string | undefined {
  for (const metrics of Object.values(RECEIVER_METRICS)) {
    const found = metrics.find((candidate) => candidate.name === name);
    if (found) return found.unit;
  }
  return undefined;
}
