import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createCloudWatchClient } from '../../../src/sources/aws/cloudwatch-client.js';
import { fetchAccountInventory } from '../../../src/sources/account/inventory.js';
import { createProgress } from '../../../src/sources/account/progress.js';
import type { Io } from '../../../src/shared/io.js';
import { FAKE_CREDENTIALS_ENV, FAST_RETRY_POLICY, FakeCloudWatchServer } from '../../support/fake-cloudwatch-server.js';

let server: FakeCloudWatchServer;
beforeAll(async () => {
  server = await FakeCloudWatchServer.start();
  server.pageSize.ListMetrics = 2;
  server.pageSize.ListDashboards = 1;
  server.pageSize.DescribeAlarms = 1;
  server.metrics = [
    { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }], recentlyActive: true },
    { Namespace: 'prod/api', MetricName: 'http_requests_total', Dimensions: [{ Name: 'pod', Value: 'b' }, { Name: 'code', Value: '200' }], recentlyActive: true },
    { Namespace: 'prod/api', MetricName: 'http_requests_total', Dimensions: [{ Name: 'code', Value: '200' }, { Name: 'pod', Value: 'a' }] },
    { Namespace: 'ContainerInsights', MetricName: 'pod_cpu_utilization', Dimensions: [{ Name: 'ClusterName', Value: 'c1' }], recentlyActive: true },
    { Namespace: 'prod/api', MetricName: 'build_info' },
  ];
  server.putDashboardOutside('team-a-api', { widgets: [{ type: 'text', properties: { markdown: 'hi' } }] });
  server.putDashboardOutside('team-a-db', { widgets: [] });
  server.putDashboardOutside('other', { widgets: [] });
  server.metricAlarms = [
    { AlarmName: 'api-errors', Namespace: 'prod/api', MetricName: 'http_requests_total', Dimensions: [{ Name: 'code', Value: '500' }], StateValue: 'OK', StateUpdatedTimestamp: 1_790_000_000, Period: 60 },
  ];
  server.compositeAlarms = [{ AlarmName: 'api-down', AlarmRule: 'ALARM("api-errors")', StateValue: 'ALARM' }];
});
afterAll(async () => server.close());

function setup(isTTY = false) {
  let stderr = '';
  const io: Io = {
    stdout: { write: () => {} },
    stderr: { write: (text) => void (stderr += text), isTTY },
    stdin: process.stdin,
    env: FAKE_CREDENTIALS_ENV,
    cwd: '.',
  };
  const client = createCloudWatchClient({ endpointUrl: server.url, callPolicy: FAST_RETRY_POLICY, dashboardRequestsPerSecond: 1000 }, io);
  return { client, progress: createProgress(io, { lineEvery: 2 }), stderr: () => stderr };
}

describe('fetchAccountInventory', () => {
  test('lists custom metrics over every page, leaving out AWS/ namespaces, sorted and with sorted dimensions', async () => {
    const { client, progress, stderr } = setup();
    const inventory = await fetchAccountInventory(client, { progress });
    expect(inventory.metrics).toEqual([
      { namespace: 'ContainerInsights', metricName: 'pod_cpu_utilization', dimensions: { ClusterName: 'c1' } },
      { namespace: 'prod/api', metricName: 'build_info', dimensions: {} },
      { namespace: 'prod/api', metricName: 'http_requests_total', dimensions: { code: '200', pod: 'a' } },
      { namespace: 'prod/api', metricName: 'http_requests_total', dimensions: { code: '200', pod: 'b' } },
    ]);
    expect(server.callsOf('ListMetrics').length).toBeGreaterThanOrEqual(3);
    expect(inventory.dashboards).toEqual([
      { name: 'other', body: { widgets: [] } },
      { name: 'team-a-api', body: { widgets: [{ type: 'text', properties: { markdown: 'hi' } }] } },
      { name: 'team-a-db', body: { widgets: [] } },
    ]);
    expect(inventory.alarms.MetricAlarms).toEqual([
      expect.objectContaining({ AlarmName: 'api-errors', StateUpdatedTimestamp: new Date(1_790_000_000_000), Period: 60 }),
    ]);
    expect(inventory.alarms.CompositeAlarms).toEqual([expect.objectContaining({ AlarmName: 'api-down', AlarmRule: 'ALARM("api-errors")' })]);
    expect(stderr()).toBe(
      [
        'ListMetrics (all namespaces): 2 pages (4 metrics)',
        'ListMetrics (all namespaces): 5 metrics',
        'GetDashboard: 2 of 3 dashboards',
        'GetDashboard: 3 dashboards',
        'DescribeAlarms: 2 pages',
        'DescribeAlarms: 1 metric alarms, 1 composite alarms',
        'ListMetricStreams, DescribeAnomalyDetectors: 0 metric streams, 0 anomaly detectors',
        '',
      ].join('\n'),
    );
  });

  test('per namespace and recently active (PT3H), dashboards under a prefix', async () => {
    const { client } = setup();
    server.calls.length = 0;
    const inventory = await fetchAccountInventory(client, { namespaces: ['prod/api', 'ContainerInsights'], recentlyActive: true, dashboardPrefix: 'team-a-' });
    expect(inventory.metrics.map((metric) => metric.namespace)).toEqual(['ContainerInsights', 'prod/api']);
    expect(server.callsOf('ListMetrics').map((call) => call.input)).toEqual([
      { Namespace: 'ContainerInsights', RecentlyActive: 'PT3H' },
      { Namespace: 'prod/api', RecentlyActive: 'PT3H' },
    ]);
    expect(inventory.dashboards.map((dashboard) => dashboard.name)).toEqual(['team-a-api', 'team-a-db']);
  });

  test('is cached per client: the second call makes no request', async () => {
    const { client } = setup();
    const first = await fetchAccountInventory(client, {});
    server.calls.length = 0;
    const second = await fetchAccountInventory(client, {});
    expect(second).toBe(first);
    expect(server.calls).toHaveLength(0);
  });

  test('on a TTY the progress redraws one line and ends each step with a summary', async () => {
    const { client, progress, stderr } = setup(true);
    await fetchAccountInventory(client, { progress, namespaces: ['prod/api'] });
    expect(stderr()).toContain('\r\u001b[KGetDashboard [------------------------] 0/3 dashboards');
    expect(stderr()).toContain('\r\u001b[KListMetrics prod/api: 3 metrics\n');
  });
});
