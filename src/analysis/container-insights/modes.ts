/**
 * Container Insights in its three modes, from a cluster inventory (docs/sources.md#otel-metrics, #container-insights):
 * A. the ADOT collector's awscontainerinsightreceiver → awsemf (custom metrics, predicted by predict.ts);
 * B. "enhanced observability" (the amazon-cloudwatch-observability add-on's CloudWatch agent), billed per observation;
 * C. OTel Container Insights (the same add-on with otelContainerInsights enabled), billed per GB over OTLP.
 * Which one runs is read from the images of the cluster's DaemonSet pods; B and C run the same add-on, so the
 * inventory cannot tell them apart and both estimates are given.
 */
import type { ContainerInsightsMode, ContainerInsightsModes, DetectedMode, OtelContainerInsights } from '../../model/container-insights-modes.js';
import type { ClusterInventory, ClusterPod } from '../../sources/cluster-inventory/model.js';
import { targetSize } from '../otlp/protobuf-size.js';
import { MAX_LABELS_PER_POINT, OTLP_SECONDS_PER_MONTH } from '../otlp/predict.js';

const ADOT_IMAGE = /(^|\/)aws-otel-collector(:|@|$)/;
const AGENT_IMAGE = /(^|\/)cloudwatch-agent(:|@|$)/;

export function detectModes(inventory: ClusterInventory): DetectedMode[] {
  const found = new Map<ContainerInsightsMode, DetectedMode>();
  for (const pod of inventory.pods) {
    if (pod.workload.kind !== 'DaemonSet') continue;
    for (const container of pod.containers) {
      const mode = ADOT_IMAGE.test(container.image) ? 'adot-receiver' : AGENT_IMAGE.test(container.image) ? 'cloudwatch-agent' : undefined;
      if (mode && !found.has(mode)) found.set(mode, { mode, pod: `${pod.namespace}/${pod.name}`, image: container.image });
    }
  }
  return [...found.values()].sort((a, b) => (a.mode < b.mode ? -1 : 1));
}

/** The reference's metric counts per level (the CloudWatch User Guide page container-insights-eks-classic-metrics; docs/sources.md#otel-metrics). */
const REFERENCE = { cluster: 2, apiserver: 3, node: 12, pod: 9, container: 2, service: 1, namespace: 1 } as const;
const INTERVAL_SECONDS = { enhanced: 60, otel: 30 } as const;

export function containerInsightsModes(inventory: ClusterInventory, clusterName: string, adotReceiverCustomMetrics: number): ContainerInsightsModes {
  const running = inventory.pods.filter((pod) => pod.phase === 'Running');
  const containers = running.reduce((total, pod) => total + pod.containers.length, 0);
  const counts = { nodes: inventory.nodes.length, pods: running.length, containers, services: inventory.services.length, namespaces: inventory.namespaces.length };
  const perInterval = REFERENCE.cluster + REFERENCE.apiserver + REFERENCE.node * counts.nodes + REFERENCE.pod * counts.pods
    + REFERENCE.container * counts.containers + REFERENCE.service * counts.services + REFERENCE.namespace * counts.namespaces;
  const resources = `${counts.nodes} nodes, ${counts.pods} running pods, ${counts.containers} containers, ${counts.services} services, ${counts.namespaces} namespaces`;
  return {
    adotReceiverCustomMetrics,
    detected: detectModes(inventory),
    enhancedObservability: {
      observationsPerInterval: perInterval,
      observationsPerMonth: perInterval * (OTLP_SECONDS_PER_MONTH / INTERVAL_SECONDS.enhanced),
      assumptions: [
        `a lower bound: 2 + 3 + 12·nodes + 9·pods + 2·containers + services + namespaces per interval (the enhanced-observability metric reference; extra aggregation levels and status metrics add more), ${resources}`,
        'one observation per data point, every 60 s, 730 hours a month (both unconfirmed); calibrate against the bill\'s ObservationUsage',
      ],
    },
    otelContainerInsights: otelVolume(inventory, running, clusterName, resources),
  };
}

/** The name every point is sized with: a kube-state-metrics name the OTel Container Insights documentation lists. */
const SIZED_NAME = 'kube_pod_status_phase';

function otelVolume(inventory: ClusterInventory, running: readonly ClusterPod[], cluster: string, resources: string): OtelContainerInsights {
  const resourceSets: { id: string; attributes: Record<string, string>; metrics: number }[] = [
    { id: `cluster ${cluster}`, attributes: { 'k8s.cluster.name': cluster }, metrics: REFERENCE.cluster + REFERENCE.apiserver },
    ...inventory.nodes.map((node) => ({ id: `node ${node.name}`, attributes: { 'k8s.cluster.name': cluster, 'k8s.node.name': node.name, ...prefixed('k8s.node.label.', node.labels) }, metrics: REFERENCE.node })),
    ...inventory.namespaces.map((namespace) => ({ id: `namespace ${namespace}`, attributes: { 'k8s.cluster.name': cluster, 'k8s.namespace.name': namespace }, metrics: REFERENCE.namespace })),
    ...inventory.services.map((service) => ({ id: `service ${service.namespace}/${service.name}`, attributes: { 'k8s.cluster.name': cluster, 'k8s.namespace.name': service.namespace, 'k8s.service.name': service.name }, metrics: REFERENCE.service })),
    ...running.flatMap((pod) => {
      const podAttributes = {
        'k8s.cluster.name': cluster, 'k8s.namespace.name': pod.namespace, 'k8s.pod.name': pod.name, ...(pod.nodeName ? { 'k8s.node.name': pod.nodeName } : {}),
        ...prefixed('k8s.pod.label.', pod.labels),
      };
      return [
        { id: `pod ${pod.namespace}/${pod.name}`, attributes: podAttributes, metrics: REFERENCE.pod },
        ...pod.containers.map((container) => ({ id: `container ${pod.namespace}/${pod.name}/${container.name}`, attributes: { ...podAttributes, 'k8s.container.name': container.name }, metrics: REFERENCE.container })),
      ];
    }),
  ];
  const pointsPerMonth = OTLP_SECONDS_PER_MONTH / INTERVAL_SECONDS.otel;
  let series = 0;
  let bytesPerInterval = 0;
  const overLabelled: string[] = [];
  for (const resource of resourceSets) {
    if (Object.keys(resource.attributes).length > MAX_LABELS_PER_POINT) overLabelled.push(resource.id);
    const point = { name: SIZED_NAME, type: 'gauge' as const, attributes: {}, buckets: 0, quantiles: 0 };
    const [bytes] = targetSize(resource.attributes, '', [point]).pointBytes;
    series += resource.metrics;
    bytesPerInterval += bytes! * resource.metrics;
  }
  return {
    series,
    dataPointsPerMonth: Math.round(series * pointsPerMonth),
    bytesPerMonth: Math.round(bytesPerInterval * pointsPerMonth),
    overLabelled,
    assumptions: [
      `a lower bound: the enhanced-observability reference's metric count per resource (OTel Container Insights sends the open-source cAdvisor, node exporter and kube-state-metrics sets, more per resource), ${resources}`,
      `every data point carries its resource's attributes (k8s.cluster.name, k8s.namespace.name, k8s.pod.name, k8s.node.name, k8s.container.name, and every pod or node label as k8s.pod.label.* / k8s.node.label.*), sized by the OTLP protobuf encoding with the name ${SIZED_NAME}`,
      'every 30 s, 730 hours a month, a GB is 10^9 bytes; calibrate against the bill\'s OTEL:Bytes:EKS-CI',
    ],
  };
}

function prefixed(prefix: string, labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([key, value]) => [`${prefix}${key}`, value]));
}
