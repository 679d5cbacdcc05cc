/**
 * Reads a cluster inventory: the output of `kubectl get nodes,pods,services -A -o json`, turned into the nodes,
 * namespaces, services, pods and workloads Container Insights reports on. Bad input names the file, the item's JSON
 * pointer and the fix.
 */
import { z } from 'zod';
import { InputError } from '../../shared/errors.js';
import { readTextFile } from '../../shared/files.js';
import { compareStrings } from '../../shared/json.js';
import { itemSchemas, kubectlListSchema, type NodeItem, type PodItem, type ServiceItem } from './kubectl-list.js';
import type { ClusterInventory, ClusterNode, ClusterPod, ClusterService, ClusterWorkload, ContainerResources } from './model.js';
import { workloadName, type WorkloadNameOptions } from './workload-name.js';
import { parseBoundedJson } from '../../shared/input-limits.js';

const FIX = 'pass the output of `kubectl get nodes,pods,services -A -o json` unchanged';

/** eksctl labels every node of a cluster it made with the cluster's name. */
const CLUSTER_NAME_LABEL = 'alpha.eksctl.io/cluster-name';

/** Node conditions the receiver counts as a failure when their status is not `False`. */
const FAILURE_CONDITIONS = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable']);

export async function loadClusterInventory(file: string, options: WorkloadNameOptions = {}): Promise<ClusterInventory> {
  return parseClusterInventory(await readTextFile(file, 'cluster inventory'), file, options);
}

export function parseClusterInventory(text: string, file: string, options: WorkloadNameOptions = {}): ClusterInventory {
  let json: unknown;
  try {
    json = parseBoundedJson(text);
  } catch (error) {
    throw new InputError(`not JSON: ${error instanceof Error ? error.message : String(error)}`, { location: { file }, fix: FIX });
  }
  const list = parseAt(kubectlListSchema, json, file, '');
  const nodes: NodeItem[] = [];
  const pods: PodItem[] = [];
  const services: ServiceItem[] = [];
  list.items.forEach((item, index) => {
    const path = `/items/${index}`;
    if (item.kind === 'Node') nodes.push(parseAt(itemSchemas.Node, item, file, path));
    else if (item.kind === 'Pod') pods.push(parseAt(itemSchemas.Pod, item, file, path));
    else if (item.kind === 'Service') services.push(parseAt(itemSchemas.Service, item, file, path));
  });
  if (nodes.length === 0) {
    throw new InputError('the inventory lists no nodes', {
      location: { file },
      fix: 'include nodes: `kubectl get nodes,pods,services -A -o json` (Container Insights reports per node)',
    });
  }
  return buildInventory(file, nodes, pods, services, options);
}

function buildInventory(file: string, nodeItems: NodeItem[], podItems: PodItem[], serviceItems: ServiceItem[], options: WorkloadNameOptions): ClusterInventory {
  const nodes = nodeItems.map(toNode).sort((a, b) => compareStrings(a.name, b.name));
  const servicesWithSelector = serviceItems.map((item) => ({
    namespace: item.metadata.namespace ?? 'default',
    name: item.metadata.name,
    selector: item.spec?.selector && Object.keys(item.spec.selector).length > 0 ? item.spec.selector : undefined,
  }));
  const servicesByNamespace = multiMap(servicesWithSelector, (service) => service.namespace);
  const pods = podItems.map((item): ClusterPod => {
    const namespace = item.metadata.namespace ?? 'default';
    const labels = item.metadata.labels ?? {};
    return {
      namespace,
      name: item.metadata.name,
      nodeName: item.spec.nodeName,
      phase: item.status?.phase ?? 'Unknown',
      ready: item.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
      labels,
      containers: item.spec.containers.map(toContainer),
      workload: workloadName(item.metadata.name, item.metadata.ownerReferences ?? [], options),
      services: (servicesByNamespace.get(namespace) ?? [])
        .filter((service) => service.selector !== undefined && selects(service.selector, labels))
        .map((service) => service.name)
        .sort(compareStrings),
    };
  });
  const sortedPods = [...pods].sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name));
  // Endpoints: the ready pods each service selects (sorted pods, so each list is sorted too).
  const endpoints = multiMap(
    sortedPods.filter((pod) => pod.ready).flatMap((pod) => pod.services.map((service) => ({ key: JSON.stringify([pod.namespace, service]), pod: pod.name }))),
    (entry) => entry.key,
  );
  const services: ClusterService[] = servicesWithSelector
    .map((service) => ({ ...service, readyPods: (endpoints.get(JSON.stringify([service.namespace, service.name])) ?? []).map((entry) => entry.pod) }))
    .sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name));
  const namespaces = [...new Set([...pods.map((pod) => pod.namespace), ...services.map((service) => service.namespace)])].sort(compareStrings);
  const clusterName = nodeItems.map((item) => item.metadata.labels?.[CLUSTER_NAME_LABEL]).find((name) => name !== undefined && name !== '');
  const daemonSetPods = podItems.filter((_item, index) => pods[index]!.workload.kind === 'DaemonSet');
  const daemonSetImages = [...new Set(daemonSetPods.flatMap((item) => item.spec.containers.flatMap((container) => (container.image ? [container.image] : []))))].sort(compareStrings);
  return { file, clusterName, nodes, namespaces, services, pods: sortedPods, workloads: groupWorkloads(sortedPods), daemonSetImages };
}

function toNode(item: NodeItem): ClusterNode {
  const providerId = item.spec?.providerID ?? '';
  const last = providerId.slice(providerId.lastIndexOf('/') + 1);
  return {
    name: item.metadata.name,
    instanceId: providerId.startsWith('aws://') && last.startsWith('i-') ? last : undefined,
    instanceType: item.metadata.labels?.['node.kubernetes.io/instance-type'] ?? item.metadata.labels?.['beta.kubernetes.io/instance-type'],
    failed: (item.status?.conditions ?? []).some((c) => FAILURE_CONDITIONS.has(c.type) && c.status !== 'False'),
    labels: item.metadata.labels ?? {},
  };
}

function toContainer(container: PodItem['spec']['containers'][number]): ContainerResources {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  return {
    name: container.name,
    image: container.image ?? '',
    cpuRequest: requests.cpu !== undefined,
    memoryRequest: requests.memory !== undefined,
    cpuLimit: limits.cpu !== undefined,
    memoryLimit: limits.memory !== undefined,
  };
}

function selects(selector: Readonly<Record<string, string>>, labels: Readonly<Record<string, string>>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function groupWorkloads(pods: readonly ClusterPod[]): ClusterWorkload[] {
  return [...multiMap(pods, (pod) => JSON.stringify([pod.namespace, pod.workload.name])).values()]
    .map((members): ClusterWorkload => ({
      namespace: members[0]!.namespace,
      kind: members[0]!.workload.kind,
      name: members[0]!.workload.name,
      pods: members.map((pod) => pod.name),
    }))
    .sort((a, b) => compareStrings(a.namespace, b.namespace) || compareStrings(a.name, b.name));
}

/** Items grouped by key, each group in input order. */
function multiMap<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Parses one value; the first zod issue becomes an InputError at `<path><issue path>`. */
function parseAt<T extends z.ZodType>(schema: T, value: unknown, file: string, path: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const pointer = `${path}${issue.path.map((part) => `/${String(part)}`).join('')}`;
  throw new InputError(issue.message, { location: { file, path: pointer || '/' }, fix: FIX });
}
