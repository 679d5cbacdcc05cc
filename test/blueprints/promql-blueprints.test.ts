/**
 * The blueprints' OTLP option against the analyzer: every PromQL selector of the service and cluster dashboards built
 * for the bundled examples finds a series the analyzer predicts, so no chart comes up empty; and they validate clean.
 */
import { describe, expect, it } from 'vitest';
import { containerInsightsDashboard } from '../../src/blueprints/index.js';
import { validateDashboardBody } from '../../src/model/body/validate.js';
import { exampleClusterSeries, unansweredPromQLReads } from './reads.js';

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
