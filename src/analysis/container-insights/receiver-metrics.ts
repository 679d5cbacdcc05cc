/**
 * What the `awscontainerinsightreceiver` (EKS on EC2) emits each collection: one event type per level, each with its
 * metric names (docs/sources.md#container-insights, the receiver's README tables and const.go). Only the names matter for
 * which CloudWatch metrics exist (units never change identity): awsemf extracts the names its `metric_declarations` select,
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
  readonly when?: PodCondition;
}

const metric = (name: string, when?: PodCondition): ReceiverMetric => (when ? { name, when } : { name });

/** cAdvisor CPU and memory metrics, shared by node, pod and container events under their own prefix. */
function cpuAndMemory(prefix: 'node' | 'pod' | 'container'): ReceiverMetric[] {
  return [
    metric(`${prefix}_cpu_usage_total`),
    metric(`${prefix}_cpu_usage_user`),
    metric(`${prefix}_cpu_usage_system`),
    metric(`${prefix}_cpu_utilization`),
    ...['cache', 'rss', 'max_usage', 'mapped_file', 'swap', 'usage', 'working_set'].map((name) => metric(`${prefix}_memory_${name}`)),
    metric(`${prefix}_memory_failcnt`),
    ...['pgfault', 'pgmajfault', 'hierarchical_pgfault', 'hierarchical_pgmajfault'].map((name) => metric(`${prefix}_memory_${name}`)),
    metric(`${prefix}_memory_utilization`),
  ];
}

/** rx/tx bytes, packets, dropped, errors and the total, under a prefix (`node_network`, `pod_interface_network`, ...). */
function network(prefix: string): ReceiverMetric[] {
  return [
    ...['rx_bytes', 'tx_bytes', 'total_bytes'].map((name) => metric(`${prefix}_${name}`)),
    ...['rx_packets', 'tx_packets', 'rx_dropped', 'tx_dropped', 'rx_errors', 'tx_errors'].map((name) => metric(`${prefix}_${name}`)),
  ];
}

function filesystem(prefix: 'node' | 'container'): ReceiverMetric[] {
  return [
    ...['available', 'capacity', 'usage'].map((name) => metric(`${prefix}_filesystem_${name}`)),
    metric(`${prefix}_filesystem_utilization`),
    ...(prefix === 'node' ? [metric('node_filesystem_inodes'), metric('node_filesystem_inodes_free')] : []),
  ];
}

const DISK_IO = ['async', 'read', 'sync', 'total', 'write'].flatMap((kind) => [
  metric(`node_diskio_io_serviced_${kind}`),
  metric(`node_diskio_io_service_bytes_${kind}`),
]);

export const RECEIVER_METRICS: Readonly<Record<EventType, readonly ReceiverMetric[]>> = {
  Cluster: [metric('cluster_node_count'), metric('cluster_failed_node_count')],
  ClusterNamespace: [metric('namespace_number_of_running_pods')],
  ClusterService: [metric('service_number_of_running_pods')],
  Node: [
    ...cpuAndMemory('node'),
    metric('node_cpu_limit'),
    metric('node_cpu_request'),
    metric('node_cpu_reserved_capacity'),
    metric('node_memory_limit'),
    metric('node_memory_request'),
    metric('node_memory_reserved_capacity'),
    ...network('node_network'),
    metric('node_number_of_running_pods'),
    metric('node_number_of_running_containers'),
  ],
  NodeFS: filesystem('node'),
  NodeNet: network('node_interface_network'),
  NodeDiskIO: DISK_IO,
  Pod: [
    ...cpuAndMemory('pod'),
    metric('pod_cpu_request', 'cpuRequest'),
    metric('pod_cpu_reserved_capacity', 'cpuRequest'),
    metric('pod_cpu_limit', 'cpuLimit'),
    metric('pod_cpu_utilization_over_pod_limit', 'cpuLimit'),
    metric('pod_memory_request', 'memoryRequest'),
    metric('pod_memory_reserved_capacity', 'memoryRequest'),
    metric('pod_memory_limit', 'memoryLimit'),
    metric('pod_memory_utilization_over_pod_limit', 'memoryLimit'),
    ...network('pod_network'),
    metric('pod_number_of_container_restarts'),
    metric('pod_number_of_containers'),
    metric('pod_number_of_running_containers'),
  ],
  PodNet: network('pod_interface_network'),
  Container: [
    ...cpuAndMemory('container'),
    metric('container_cpu_limit'),
    metric('container_cpu_request'),
    metric('container_memory_limit'),
    metric('container_memory_request'),
    metric('number_of_container_restarts'),
  ],
  ContainerFS: filesystem('container'),
};
