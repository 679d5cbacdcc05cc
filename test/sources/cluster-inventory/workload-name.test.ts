/** The PodName dimension of Container Insights: the workload a pod belongs to, as the receiver names it. */
import { describe, expect, it } from 'vitest';
import { workloadName } from '../../../src/sources/cluster-inventory/workload-name.js';

describe('workloadName', () => {
  it('a Deployment\'s pod is named after the Deployment (the ReplicaSet minus its generated hash)', () => {
    expect(workloadName('api-7d4f9c8b6-x2kqp', [{ kind: 'ReplicaSet', name: 'api-7d4f9c8b6' }])).toEqual({ kind: 'Deployment', name: 'api' });
    // A suffix with a vowel or a 0/1/3 is not generated: the ReplicaSet stands on its own.
    expect(workloadName('batch-rs-a1-xyz', [{ kind: 'ReplicaSet', name: 'batch-rs-a1' }])).toEqual({ kind: 'ReplicaSet', name: 'batch-rs-a1' });
  });

  it('StatefulSet pods keep their own names; DaemonSet pods take the DaemonSet\'s', () => {
    expect(workloadName('web-0', [{ kind: 'StatefulSet', name: 'web' }])).toEqual({ kind: 'StatefulSet', name: 'web-0' });
    expect(workloadName('fluent-bit-8xk2p', [{ kind: 'DaemonSet', name: 'fluent-bit' }])).toEqual({ kind: 'DaemonSet', name: 'fluent-bit' });
  });

  it('a CronJob\'s Job has a 10-digit suffix; other Jobs keep their name up to the first - or . unless prefer_full_pod_name', () => {
    expect(workloadName('report-29412345-abcde', [{ kind: 'Job', name: 'report-2941234567' }])).toEqual({ kind: 'CronJob', name: 'report' });
    expect(workloadName('migrate-db-x7k2p', [{ kind: 'Job', name: 'migrate-db' }])).toEqual({ kind: 'Job', name: 'migrate' });
    expect(workloadName('migrate-db-x7k2p', [{ kind: 'Job', name: 'migrate-db' }], { preferFullPodName: true })).toEqual({ kind: 'Job', name: 'migrate-db' });
  });

  it('bare pods are their own workload, except kube-proxy without prefer_full_pod_name', () => {
    expect(workloadName('debug', [])).toEqual({ kind: 'Pod', name: 'debug' });
    expect(workloadName('kube-proxy-ip-10-0-1-2', [])).toEqual({ kind: 'Pod', name: 'kube-proxy' });
    expect(workloadName('kube-proxy-ip-10-0-1-2', [], { preferFullPodName: true })).toEqual({ kind: 'Pod', name: 'kube-proxy-ip-10-0-1-2' });
    expect(workloadName('x', [{ kind: 'Node', name: 'node-1' }])).toEqual({ kind: 'Pod', name: 'x' });
  });
});
