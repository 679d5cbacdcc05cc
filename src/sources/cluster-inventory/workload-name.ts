/**
 * Which workload a pod belongs to, from its owner references, the way the Container Insights receiver names it
 * (docs/sources.md#container-insights, the receiver's pod store): a ReplicaSet's pod belongs to the Deployment whose name is
 * the ReplicaSet's minus its hash suffix; a Job's pod to the CronJob (10-digit suffix) or the Job name's prefix; a
 * StatefulSet's pod is its own workload (`web-0`, `web-1`); bare and static pods are their own, except `kube-proxy-*`.
 */
import type { WorkloadKind } from './model.js';

/** Characters Kubernetes uses for generated name suffixes (k8s.io/apimachinery rand: no vowels, no 0/1/3). */
const GENERATED_SUFFIX = /^[bcdfghjklmnpqrstvwxz2456789]{3,}$/;
/** A CronJob's Job is `<cronjob>-<scheduled time in minutes>`: ten digits. */
const CRONJOB_SUFFIX = /^[0-9]{10}$/;

export interface OwnerReference {
  readonly kind: string;
  readonly name: string;
}

export interface WorkloadName {
  readonly kind: WorkloadKind;
  /** The value of the receiver's `PodName` dimension. */
  readonly name: string;
}

export interface WorkloadNameOptions {
  /** The receiver's `prefer_full_pod_name`: Jobs and kube-proxy keep the pod's full name. */
  readonly preferFullPodName?: boolean;
}

export function workloadName(podName: string, owners: readonly OwnerReference[], options: WorkloadNameOptions = {}): WorkloadName {
  const owner = owners.find((candidate) => candidate.kind !== '' && candidate.name !== '');
  if (owner) {
    switch (owner.kind) {
      case 'StatefulSet':
        return { kind: 'StatefulSet', name: podName };
      case 'DaemonSet':
      case 'ReplicationController':
        return { kind: owner.kind, name: owner.name };
      case 'ReplicaSet': {
        const deployment = stripSuffix(owner.name, GENERATED_SUFFIX);
        return deployment === undefined ? { kind: 'ReplicaSet', name: owner.name } : { kind: 'Deployment', name: deployment };
      }
      case 'Job': {
        const cronJob = stripSuffix(owner.name, CRONJOB_SUFFIX);
        if (cronJob !== undefined) return { kind: 'CronJob', name: cronJob };
        // Without prefer_full_pod_name the receiver keeps the Job name up to its first '.' or '-'.
        return { kind: 'Job', name: options.preferFullPodName ? owner.name : owner.name.split(/[.-]/, 1)[0]! };
      }
      default:
        break; // Owned by something the receiver does not know: the pod is named after itself.
    }
  }
  if (podName.startsWith('kube-proxy') && !options.preferFullPodName) return { kind: 'Pod', name: 'kube-proxy' };
  return { kind: 'Pod', name: podName };
}

/** The name without its last `-suffix` when the suffix matches, else undefined. */
function stripSuffix(name: string, suffix: RegExp): string | undefined {
  const dash = name.lastIndexOf('-');
  if (dash === -1 || !suffix.test(name.slice(dash + 1))) return undefined;
  return name.slice(0, dash);
}
