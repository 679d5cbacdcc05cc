/**
 * The events the Container Insights DaemonSet sends for a cluster in one collection, from its inventory: per node
 * (Node, NodeFS, NodeNet, NodeDiskIO), per running pod (Pod, PodNet, and Container/ContainerFS per container), and,
 * from the leader only, Cluster, ClusterNamespace and ClusterService (docs/sources.md#container-insights). Each event carries
 * the labels awsemf sees with `resource_to_telemetry_conversion` on and the metric names present in it.
 */
import type { ClusterInventory, ClusterNode, ClusterPod } from '../../sources/cluster-inventory/model.js';
import { RECEIVER_METRICS, type EventType, type ReceiverMetric } from './receiver-metrics.js';

export interface ReceiverEvent {
  readonly type: EventType;
  readonly labels: Readonly<Record<string, string>>;
  readonly metrics: readonly ReceiverMetric[];
}

export interface EventOptions {
  /** The `ClusterName` dimension's value: the cluster name in the nodes' EC2 tags. */
  readonly clusterName: string;
}

/** The receiver tags every event with the sources it was computed from, as a JSON array string. */
const SOURCES: Readonly<Record<EventType, readonly string[]>> = {
  Cluster: ['apiserver'],
  ClusterNamespace: ['apiserver'],
  ClusterService: ['apiserver'],
  Node: ['cadvisor', '/proc', 'pod', 'calculated'],
  NodeFS: ['cadvisor', 'calculated'],
  NodeNet: ['cadvisor', 'calculated'],
  NodeDiskIO: ['cadvisor'],
  Pod: ['cadvisor', 'pod', 'calculated'],
  PodNet: ['cadvisor', 'calculated'],
  Container: ['cadvisor', 'pod', 'calculated'],
  ContainerFS: ['cadvisor', 'calculated'],
};

/** One root volume and one network interface per node and pod: their names only matter under a custom rollup. */
const ROOT_DEVICE = { device: '/dev/nvme0n1p1', fstype: 'xfs' };
const INTERFACE = 'eth0';

export function receiverEvents(inventory: ClusterInventory, options: EventOptions): ReceiverEvent[] {
  const nodesByName = new Map(inventory.nodes.map((node) => [node.name, node]));
  const running = inventory.pods.filter((pod) => pod.phase === 'Running' && pod.nodeName !== undefined && nodesByName.has(pod.nodeName));
  const leader = inventory.nodes[0]!;
  const events: ReceiverEvent[] = [];
  const event = (type: EventType, labels: Record<string, string>, metrics: readonly ReceiverMetric[] = RECEIVER_METRICS[type]) =>
    events.push({ type, labels: { ...labels, Type: type, Version: '0', Sources: JSON.stringify(SOURCES[type]) }, metrics });

  for (const node of inventory.nodes) {
    const host = hostLabels(node, options);
    event('Node', host);
    event('NodeFS', { ...host, ...ROOT_DEVICE });
    event('NodeNet', { ...host, interface: INTERFACE });
    event('NodeDiskIO', { ...host, device: ROOT_DEVICE.device });
  }
  for (const pod of running) {
    const node = nodesByName.get(pod.nodeName!)!;
    const labels = podLabels(pod, node, options);
    const podEvent = { ...labels, kubernetes: kubernetesBlob(pod, node, labels.Service) };
    event('Pod', podEvent, RECEIVER_METRICS.Pod.filter((metric) => metric.when === undefined || podHas(pod, metric.when)));
    event('PodNet', { ...podEvent, interface: INTERFACE });
    // The receiver moves ContainerName into the `kubernetes` blob: a pod's containers differ only there.
    for (const container of pod.containers) {
      const containerEvent = { ...labels, kubernetes: kubernetesBlob(pod, node, labels.Service, container.name) };
      event('Container', containerEvent);
      event('ContainerFS', { ...containerEvent, ...ROOT_DEVICE });
    }
  }
  // Cluster-level events come from the leader's receiver, which stamps its own node name on them.
  const clusterLabels = { ClusterName: options.clusterName, NodeName: leader.name };
  event('Cluster', clusterLabels);
  for (const namespace of inventory.namespaces) {
    if (running.some((pod) => pod.namespace === namespace)) event('ClusterNamespace', { ...clusterLabels, Namespace: namespace });
  }
  for (const service of inventory.services) {
    if (service.readyPods.length > 0) event('ClusterService', { ...clusterLabels, Namespace: service.namespace, Service: service.name });
  }
  return events;
}

function hostLabels(node: ClusterNode, options: EventOptions): Record<string, string> {
  const labels: Record<string, string> = { ClusterName: options.clusterName, NodeName: node.name };
  // Without an instance id (no EC2 provider id: IMDS unreachable) the receiver sets neither label.
  if (node.instanceId !== undefined) labels.InstanceId = node.instanceId;
  if (node.instanceType !== undefined) labels.InstanceType = node.instanceType;
  return labels;
}

function podLabels(pod: ClusterPod, node: ClusterNode, options: EventOptions): Record<string, string> {
  const labels: Record<string, string> = {
    ...hostLabels(node, options),
    Namespace: pod.namespace,
    PodName: pod.workload.name,
    pod_status: pod.phase,
  };
  // The receiver labels a pod with ONE service: the first whose endpoints list it as ready.
  const service = pod.ready ? pod.services[0] : undefined;
  if (service !== undefined) labels.Service = service;
  return labels;
}

/** The `kubernetes` label: a JSON object string that awsemf re-parses into the log event (parse_json_encoded_attr_values). */
function kubernetesBlob(pod: ClusterPod, node: ClusterNode, service: string | undefined, container?: string): string {
  return JSON.stringify({
    host: node.name,
    namespace_name: pod.namespace,
    pod_name: pod.name,
    ...(service === undefined ? {} : { service_name: service }),
    ...(container === undefined ? {} : { container_name: container }),
  });
}

function podHas(pod: ClusterPod, condition: NonNullable<ReceiverMetric['when']>): boolean {
  const containers = pod.containers;
  switch (condition) {
    case 'cpuRequest':
      return containers.some((container) => container.cpuRequest);
    case 'memoryRequest':
      return containers.some((container) => container.memoryRequest);
    case 'cpuLimit':
      return containers.length > 0 && containers.every((container) => container.cpuLimit);
    case 'memoryLimit':
      return containers.length > 0 && containers.every((container) => container.memoryLimit);
  }
}
