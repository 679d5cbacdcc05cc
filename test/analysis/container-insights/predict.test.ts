/**
 * Container Insights prediction on the example cluster, checked against the count formula (the default declarations'
 * pairs per kind of object, docs/sources.md#container-insights: 24 + 8·nodes + 7·namespaces + 7·services + 9·workloads, minus the documented reductions), and against changes
 * to the collector config.
 */
import { describe, expect, it } from 'vitest';
import { parseCollectorConfig } from '../../../src/sources/collector-config/load.js';
import { loadCollectorConfig } from '../../../src/sources/collector-config/load.js';
import { loadClusterInventory } from '../../../src/sources/cluster-inventory/load.js';
import { predictContainerInsightsMetrics } from '../../../src/analysis/container-insights/predict.js';
import { formatMetricIdentity } from '../../../src/model/metric-identity.js';
import { CwdashError } from '../../../src/shared/errors.js';
import { readFileSync } from 'node:fs';

const CONFIG = new URL('../../../examples/cluster/otel-config.yaml', import.meta.url).pathname;
const INVENTORY = new URL('../../../examples/cluster/inventory.json', import.meta.url).pathname;

async function example() {
  return { config: await loadCollectorConfig(CONFIG, { env: {} }), inventory: await loadClusterInventory(INVENTORY) };
}

function countBySet(metrics: readonly { dimensions: Readonly<Record<string, string>> }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const metric of metrics) {
    const key = Object.keys(metric.dimensions).sort().join(',');
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

describe('predictContainerInsightsMetrics', () => {
  it('predicts the example cluster: the count formula with its reductions', async () => {
    const { config, inventory } = await example();
    const metrics = predictContainerInsightsMetrics(config, inventory);
    // cluster 24; 3 nodes × 8; namespaces prod 7 + amzn-cloudwatch-metrics 7 + kube-system 6 (no pod there has a CPU
    // limit in every container) + default 0 (no pods); services task-service 7 + redis 7 + kube-dns 6 + kubernetes 0
    // (no selector); workloads adot 9, task-service 9, redis-0 9, coredns 8 (no CPU limit), aws-node 6 and
    // kube-proxy 6 (CPU request only), the finished Job 0.
    expect(countBySet(metrics)).toEqual({
      ClusterName: 24,
      'ClusterName,InstanceId,NodeName': 24,
      'ClusterName,Namespace': 20,
      'ClusterName,Namespace,Service': 20,
      'ClusterName,Namespace,PodName': 47,
    });
    expect(metrics).toHaveLength(135);
    expect(new Set(metrics.map((metric) => metric.namespace))).toEqual(new Set(['ContainerInsights']));
    const lines = metrics.map(formatMetricIdentity);
    expect(lines).toContain('ContainerInsights pod_number_of_container_restarts {ClusterName=mz-k8s,Namespace=prod,PodName=task-service}');
    expect(lines).toContain('ContainerInsights node_cpu_utilization {ClusterName=mz-k8s,InstanceId=i-0a1b2c3d4e5f60718,NodeName=ip-10-0-1-23.ap-northeast-1.compute.internal}');
    expect(lines).toContain('ContainerInsights service_number_of_running_pods {ClusterName=mz-k8s,Namespace=kube-system,Service=kube-dns}');
    expect(lines).not.toContain('ContainerInsights pod_cpu_utilization_over_pod_limit {ClusterName=mz-k8s,Namespace=kube-system}');
    expect(lines.filter((line) => line.includes('PodName=kube-proxy'))).toHaveLength(6);
    const restarts = metrics.find((metric) => metric.metricName === 'pod_number_of_container_restarts' && metric.dimensions.PodName === 'kube-proxy')!;
    expect(restarts.source).toEqual({
      pipeline: 'metrics',
      receiver: 'awscontainerinsightreceiver',
      exporter: 'awsemf',
      series: 3, // one kube-proxy pod per node feeds the same metric
      exampleSeries: 'pod_number_of_container_restarts{Type="Pod",ClusterName="mz-k8s",Namespace="kube-system",PodName="kube-proxy"}',
      dimensionSet: 'declared',
      fromSecondScrape: true,
    });
    const clusterCpu = metrics.find((metric) => metric.metricName === 'pod_cpu_utilization' && Object.keys(metric.dimensions).join() === 'ClusterName')!;
    expect(clusterCpu.source.series).toBe(15); // every running pod
  });

  it('is deterministic and sorted', async () => {
    const { config, inventory } = await example();
    const first = JSON.stringify(predictContainerInsightsMetrics(config, inventory));
    expect(JSON.stringify(predictContainerInsightsMetrics(config, inventory))).toBe(first);
    const names = predictContainerInsightsMetrics(config, inventory).map((metric) => metric.metricName);
    expect(names).toEqual([...names].sort());
  });

  it('follows the config: a removed declaration, resource_to_telemetry off, a namespace, a rollup option', async () => {
    const { inventory } = await example();
    const text = readFileSync(CONFIG, 'utf8');
    const predict = (edited: string) => predictContainerInsightsMetrics(parseCollectorConfig(edited, 'edited.yaml', {}), inventory);

    const withoutRestarts = text.replace(/ {6}- dimensions: \[\[PodName, Namespace, ClusterName\]\]\n {8}metric_name_selectors:\n {10}- pod_number_of_container_restarts\n/, '');
    expect(withoutRestarts).not.toBe(text);
    expect(predict(withoutRestarts)).toHaveLength(135 - 6);

    // The receiver's labels are resource attributes: without the conversion awsemf sees no dimension names at all.
    expect(predict(text.replace('enabled: true', 'enabled: false'))).toEqual([]);

    expect(new Set(predict(text.replace('namespace: ContainerInsights', 'namespace: EKS/mz-k8s')).map((m) => m.namespace))).toEqual(new Set(['EKS/mz-k8s']));

    // With a rollup, every label (Type, Sources, pod_status, ...) becomes a single-dimension metric too.
    const rolled = predict(text.replace('NoDimensionRollup', 'SingleDimensionRollupOnly'));
    expect(rolled.length).toBeGreaterThan(135);
    const byType = rolled.find((m) => Object.keys(m.dimensions).join() === 'Type' && m.metricName === 'cluster_node_count');
    expect(byType?.source.dimensionSet).toBe('single-rollup');
  });

  it('takes the ClusterName from the log group, or from the option', async () => {
    const { config, inventory } = await example();
    const metrics = predictContainerInsightsMetrics(config, inventory, { clusterName: 'other' });
    expect(new Set(metrics.map((m) => m.dimensions.ClusterName))).toEqual(new Set(['other']));

    const placeholder = readFileSync(CONFIG, 'utf8').replace('/aws/containerinsights/mz-k8s/performance', '/aws/containerinsights/{ClusterName}/performance');
    const error = (() => {
      try {
        return predictContainerInsightsMetrics(parseCollectorConfig(placeholder, 'ci.yaml', {}), inventory);
      } catch (caught) {
        return caught as CwdashError;
      }
    })() as CwdashError;
    expect(error.describe()).toMatch(/^ci\.yaml:\d+:\d+: cannot tell the cluster's name from awsemf's log_group_name .* nor from the nodes' labels\n {2}fix: pass --cluster-name NAME, write the name into log_group_name/);

    // eksctl's node label names the cluster when the log group does not.
    const labelled = { ...inventory, clusterName: 'from-label' };
    const metrics2 = predictContainerInsightsMetrics(parseCollectorConfig(placeholder, 'ci.yaml', {}), labelled);
    expect(new Set(metrics2.map((m) => m.dimensions.ClusterName))).toEqual(new Set(['from-label']));
  });

  it('refuses a config without the receiver feeding awsemf', async () => {
    const { inventory } = await example();
    const sidecar = await loadCollectorConfig(new URL('../../../examples/task-service/otel-config.yaml', import.meta.url).pathname, { env: {} });
    try {
      predictContainerInsightsMetrics(sidecar, inventory);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CwdashError);
      expect((error as CwdashError).describe()).toMatch(/otel-config\.yaml: no metrics pipeline sends the awscontainerinsightreceiver receiver to an awsemf exporter\n {2}fix: /);
    }
  });
});
