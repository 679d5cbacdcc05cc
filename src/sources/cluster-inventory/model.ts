/**
 * A Kubernetes cluster as cwdash needs to know it to predict Container Insights metrics: nodes (with their EC2
 * instance), namespaces, services, pods and the workloads the pods belong to. Plain data, sorted for stable output.
 */

export interface ClusterNode {
  readonly name: string;
  /** From `spec.providerID` (`aws:///ap-northeast-1a/i-0abc…`); without it the receiver sets no `InstanceId`. */
  readonly instanceId: string | undefined;
  /** From the `node.kubernetes.io/instance-type` label. */
  readonly instanceType: string | undefined;
  /** A pressure/unavailable condition (or Ready) that is not healthy: what `cluster_failed_node_count` counts. */
  readonly failed: boolean;
  /** The node's labels (OTel Container Insights sends them as `k8s.node.label.*`). */
  readonly labels: Readonly<Record<string, string>>;
}

export interface ContainerResources {
  readonly name: string;
  /** The image reference as written (`amazon/aws-otel-collector:v0.17.0`); `''` when the item has none. */
  readonly image: string;
  readonly cpuRequest: boolean;
  readonly memoryRequest: boolean;
  readonly cpuLimit: boolean;
  readonly memoryLimit: boolean;
}

export type WorkloadKind = 'Deployment' | 'DaemonSet' | 'StatefulSet' | 'Job' | 'CronJob' | 'ReplicaSet' | 'ReplicationController' | 'Pod';

export interface ClusterPod {
  readonly namespace: string;
  readonly name: string;
  readonly nodeName: string | undefined;
  /** `Running`, `Pending`, `Succeeded`, `Failed`, `Unknown`. */
  readonly phase: string;
  /** The pod's Ready condition is True: it is an endpoint of the services that select it. */
  readonly ready: boolean;
  readonly labels: Readonly<Record<string, string>>;
  readonly containers: readonly ContainerResources[];
  /** The workload the pod belongs to (see `workload-name.ts`). */
  readonly workload: { readonly kind: WorkloadKind; readonly name: string };
  /** Services in the pod's namespace whose selector matches its labels, sorted by name. */
  readonly services: readonly string[];
}

export interface ClusterService {
  readonly namespace: string;
  readonly name: string;
  /** `undefined` for a service without selector (its endpoints are managed by hand, e.g. `kubernetes`). */
  readonly selector: Readonly<Record<string, string>> | undefined;
  /** Ready pods it selects, sorted: its endpoints. */
  readonly readyPods: readonly string[];
}

export interface ClusterWorkload {
  readonly namespace: string;
  readonly kind: WorkloadKind;
  readonly name: string;
  readonly pods: readonly string[];
}

export interface ClusterInventory {
  /** The file it was read from, for messages. */
  readonly file: string;
  /** The cluster's name when the nodes carry it in a label (`alpha.eksctl.io/cluster-name`, set by eksctl). */
  readonly clusterName: string | undefined;
  readonly nodes: readonly ClusterNode[];
  /** Every namespace that holds a pod or a service, sorted. */
  readonly namespaces: readonly string[];
  readonly services: readonly ClusterService[];
  readonly pods: readonly ClusterPod[];
  readonly workloads: readonly ClusterWorkload[];
  /** Every distinct container image DaemonSet pods run, sorted: a Container Insights collector runs as a DaemonSet, its version in the tag. */
  readonly daemonSetImages: readonly string[];
}
