/**
 * The blueprints' OTLP option against the analyzer: every PromQL selector of the service and cluster dashboards built
 * for the bundled examples finds a series the analyzer predicts, so no chart comes up empty; and they validate clean.
 */
import { describe, expect, it } from 'vitest';
import { containerInsightsDashboard, nodeServiceDashboard } from '../../src/blueprints/index.js';
import { validateDashboardBody } from '../../src/model/body/validate.js';
import { exampleClusterSeries, exampleOtlpSeries, unansweredPromQLReads } from './reads.js';

describe('nodeServiceDashboard, exporter otlp (examples/task-service-otlp)', () => {
  const dashboard = (props: { statusCodeLabel?: string; kubernetes?: boolean } = {}) =>
    nodeServiceDashboard({
      namespace: 'prod/task-service',
      service: 'task-service',
      region: 'ap-northeast-1',
      exporter: 'otlp',
      ...(props.statusCodeLabel ? { statusCodeLabel: props.statusCodeLabel } : {}),
      ...(props.kubernetes ? { kubernetes: { clusterName: 'mz-k8s', namespace: 'prod', podName: 'task-service' } } : {}),
    });

  it('draws the app with PromQL chart widgets and validates clean', () => {
    const body = dashboard({ kubernetes: true }).toBody();
    expect(validateDashboardBody(body)).toEqual([]);
    const types = body.widgets.map((widget) => widget.type);
    expect(types.filter((type) => type === 'chart')).toHaveLength(14);
    expect(types.filter((type) => type === 'metric')).toHaveLength(2); // the Container Insights pod widgets stay Classic
  });

  it('reads only series the analyzer predicts for the example: no empty chart', async () => {
    expect(unansweredPromQLReads('task-service-otlp', dashboard().toBody(), await exampleOtlpSeries())).toEqual([]);
  });

  it('would catch a chart for another status-code label or job', async () => {
    const series = await exampleOtlpSeries();
    const unanswered = unansweredPromQLReads('wrong', dashboard({ statusCodeLabel: 'status_code' }).toBody(), series);
    expect(unanswered).toContain('http_request_duration_seconds{"@resource.service.name"="prod/task-service", status_code=~"500|502|503|504"}');
    const otherJob = nodeServiceDashboard({ namespace: 'prod/other', service: 'other', region: 'r', exporter: 'otlp' }).toBody();
    expect(unansweredPromQLReads('other', otherJob, series)).toContain('up{"@resource.service.name"="prod/other"}');
  });
});

describe('containerInsightsDashboard, exporter otlp', () => {
  const dashboard = () => containerInsightsDashboard({ cluster: 'mz-k8s', region: 'ap-northeast-1', exporter: 'otlp', defaultNamespace: 'prod', defaultWorkload: 'task-service' });

  it('draws PromQL chart widgets only (no metric widget, no variables, no performance-log widget) and validates clean', () => {
    const body = dashboard().toBody();
    expect(validateDashboardBody(body)).toEqual([]);
    expect(new Set(body.widgets.map((widget) => widget.type))).toEqual(new Set(['text', 'chart']));
    expect(body.variables).toBeUndefined();
  });

  it('reads only series the example cluster sends: no empty chart', async () => {
    expect(unansweredPromQLReads('cluster', dashboard().toBody(), await exampleClusterSeries('mz-k8s'))).toEqual([]);
  });

  it('would catch a chart for another cluster or workload', async () => {
    const series = await exampleClusterSeries('mz-k8s');
    const other = containerInsightsDashboard({ cluster: 'other', exporter: 'otlp', region: 'r' }).toBody();
    expect(unansweredPromQLReads('other', other, series)).toContain('cluster_node_count{"@resource.ClusterName"="other"}');
    const missing = containerInsightsDashboard({ cluster: 'mz-k8s', exporter: 'otlp', region: 'r', defaultNamespace: 'prod', defaultWorkload: 'no-such-app' }).toBody();
    expect(unansweredPromQLReads('missing', missing, series)).toContain('pod_cpu_utilization{"@resource.ClusterName"="mz-k8s", "@resource.Namespace"="prod", "@resource.PodName"="no-such-app"}');
  });
});
