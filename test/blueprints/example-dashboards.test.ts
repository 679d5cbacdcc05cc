/**
 * The example dashboards against the analyzer: every metric row, SEARCH and variable search they contain finds at
 * least one metric the bundled examples produce (the task-service sidecar and the mz-k8s DaemonSet), so no graph of
 * theirs comes up empty; and they build and validate clean.
 */
import { describe, expect, it } from 'vitest';
import { nodeServiceDashboard } from '../../src/blueprints/index.js';
import { loadDashboardDefinitions } from '../../src/sources/definitions/load.js';
import { exampleMetrics, root, unansweredReads } from './reads.js';

describe('the example dashboards', () => {
  it('build and validate without errors or warnings', async () => {
    const dashboards = await loadDashboardDefinitions(`${root}dashboards`);
    expect(dashboards.map((d) => d.name).sort()).toEqual(['mz-k8s-container-insights', 'prod-task-service']);
    for (const dashboard of dashboards) expect(dashboard.messages, dashboard.name).toEqual([]);
  });

  it('read only metrics the analyzer predicts for the bundled examples: no empty graph', async () => {
    const metrics = await exampleMetrics();
    const dashboards = await loadDashboardDefinitions(`${root}dashboards`);
    for (const dashboard of dashboards) expect(unansweredReads(dashboard.name, dashboard.body, metrics), dashboard.name).toEqual([]);
  });

  it('would catch a dashboard built for the wrong collector version (OTelLib dimension)', async () => {
    const metrics = await exampleMetrics();
    const wrong = nodeServiceDashboard({ namespace: 'prod/task-service', service: 'task-service', region: 'ap-northeast-1', collectorVersion: '0.49.0' });
    const unanswered = unansweredReads('wrong', wrong.toBody(), metrics);
    expect(unanswered).toContain('prod/task-service up {OTelLib=github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver}');
  });
});
