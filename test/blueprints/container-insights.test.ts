/** containerInsightsDashboard: variables, log widget, and only dimension sets the default declarations publish. */
import { describe, expect, it } from 'vitest';
import { containerInsightsDashboard } from '../../src/blueprints/index.js';
import { readMetricRows } from '../../src/model/body/metric-rows.js';
import { validateDashboardBody } from '../../src/model/body/validate.js';

/** docs/sources.md#container-insights: the (metric, dimension set) pairs the default metric_declarations publish. */
const PUBLISHED: Readonly<Record<string, readonly string[]>> = {
  ClusterName: [
    'node_cpu_utilization', 'node_memory_utilization', 'node_network_total_bytes', 'node_cpu_reserved_capacity', 'node_memory_reserved_capacity',
    'node_number_of_running_pods', 'node_number_of_running_containers', 'node_cpu_usage_total', 'node_cpu_limit', 'node_memory_working_set',
    'node_memory_limit', 'node_filesystem_utilization', 'pod_cpu_utilization', 'pod_memory_utilization', 'pod_network_rx_bytes', 'pod_network_tx_bytes',
    'pod_cpu_utilization_over_pod_limit', 'pod_memory_utilization_over_pod_limit', 'pod_cpu_reserved_capacity', 'pod_memory_reserved_capacity',
    'cluster_node_count', 'cluster_failed_node_count', 'service_number_of_running_pods', 'namespace_number_of_running_pods',
  ],
  'ClusterName,Namespace': [
    'pod_cpu_utilization', 'pod_memory_utilization', 'pod_network_rx_bytes', 'pod_network_tx_bytes', 'pod_cpu_utilization_over_pod_limit',
    'pod_memory_utilization_over_pod_limit', 'namespace_number_of_running_pods',
  ],
  'ClusterName,Namespace,PodName': [
    'pod_cpu_utilization', 'pod_memory_utilization', 'pod_network_rx_bytes', 'pod_network_tx_bytes', 'pod_cpu_utilization_over_pod_limit',
    'pod_memory_utilization_over_pod_limit', 'pod_cpu_reserved_capacity', 'pod_memory_reserved_capacity', 'pod_number_of_container_restarts',
  ],
};

describe('containerInsightsDashboard', () => {
  const body = containerInsightsDashboard({ cluster: 'demo', region: 'eu-west-1', defaultNamespace: 'shop', defaultWorkload: 'cart' }).toBody();

  it('validates clean', () => {
    expect(validateDashboardBody(body)).toEqual([]);
  });

  it('names only published (metric, dimension set) pairs in its metric rows', () => {
    let rows = 0;
    for (const widget of body.widgets) {
      if (widget.type !== 'metric') continue;
      for (const row of readMetricRows(widget.properties.metrics ?? []).rows) {
        if (row?.kind !== 'metric') continue;
        rows++;
        expect(row.namespace).toBe('ContainerInsights');
        const dimensions = Object.fromEntries(row.dimensions);
        const set = Object.keys(dimensions).sort().join(',');
        expect(PUBLISHED[set], `${row.metricName} [${set}]`).toContain(row.metricName);
        expect(dimensions.ClusterName).toBe('demo');
      }
    }
    expect(rows).toBeGreaterThan(30);
  });

  it('searches per node and per service over the published sets of the cluster', () => {
    const text = JSON.stringify(body);
    expect(text).toContain(`SEARCH('{ContainerInsights,ClusterName,InstanceId,NodeName} MetricName=\\"node_cpu_utilization\\" ClusterName=\\"demo\\"', 'Average', 60)`);
    expect(text).toContain(`SEARCH('{ContainerInsights,ClusterName,Namespace,Service} MetricName=\\"service_number_of_running_pods\\" ClusterName=\\"demo\\"', 'Maximum', 60)`);
  });

  it('has a namespace and a workload variable over the dimensions the rows carry', () => {
    expect(body.variables).toEqual([
      {
        type: 'property', property: 'Namespace', inputType: 'select', id: 'namespace', label: 'Namespace', defaultValue: 'shop',
        search: '{ContainerInsights,ClusterName,Namespace} MetricName="namespace_number_of_running_pods" ClusterName="demo"', populateFrom: 'Namespace',
      },
      {
        type: 'property', property: 'PodName', inputType: 'select', id: 'workload', label: 'Workload (PodName)', defaultValue: 'cart',
        search: '{ContainerInsights,ClusterName,Namespace,PodName} MetricName="pod_number_of_container_restarts" ClusterName="demo"', populateFrom: 'PodName',
      },
    ]);
    const text = JSON.stringify(body.widgets);
    expect(text).toContain('"Namespace","shop","PodName","cart"');
  });

  it('queries the performance log group in a log widget', () => {
    const log = body.widgets.find((widget) => widget.type === 'log');
    expect(log?.type === 'log' && log.properties.query).toBe(
      'SOURCE \'/aws/containerinsights/demo/performance\' | fields @timestamp\n| filter Type = "Container"\n| stats avg(container_cpu_utilization) as cpu_pct, avg(container_memory_utilization) as mem_pct, max(number_of_container_restarts) as restarts by Namespace, PodName, ContainerName\n| sort cpu_pct desc\n| limit 20',
    );
    expect(log?.properties.region).toBe('eu-west-1');
  });

  it('opens on kube-proxy in kube-system by default, which every EKS cluster has', () => {
    const defaults = containerInsightsDashboard({ cluster: 'demo', region: 'r' }).toBody();
    expect(defaults.variables?.map((variable) => variable.defaultValue)).toEqual(['kube-system', 'kube-proxy']);
  });
});
