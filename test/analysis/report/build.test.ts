import { describe, expect, test } from 'vitest';
import type { AllowList } from '../../../src/analysis/usage/allow-list.js';
import { collector, histogramMetrics, NS, reportFor } from './fixtures.js';

describe('buildCostReport', () => {
  test('an allow-list entry keeps metrics out of unused-metric; an expired one is reported as a problem', async () => {
    const allowList: AllowList = {
      file: 'keep.yaml',
      active: [{ namespace: NS, metricName: 'process_cpu_user_seconds_total', reason: 'SLO job', line: 3 }],
      expired: [{ namespace: NS, metricName: 'http_request_duration_seconds', reason: 'migration', expires: '2026-01-01', line: 7 }],
    };
    const report = await reportFor({ allowList });
    expect(report.totals.unusedMetrics).toBe(7);
    expect(report.findings.filter((finding) => finding.rule === 'unused-metric').map((finding) => finding.metrics[0]!.metricName)).toEqual([
      'http_request_duration_seconds',
    ]);
    expect(report.usage.allowListEntries).toBe(1);
    expect(report.problems).toEqual([
      { where: 'keep.yaml:7', message: `allow-list entry for ${NS} http_request_duration_seconds expired on 2026-01-01; it no longer applies` },
    ]);
  });

  test('two collectors sending the same metric pay for it once', async () => {
    const metrics = histogramMetrics();
    const second = { ...collector, config: 'other.yaml' };
    const report = await reportFor({ collectors: [{ facts: collector, metrics }, { facts: second, metrics }] });
    expect(report.totals.customMetrics).toBe(metrics.length);
    expect(report.collectors.map((entry) => [entry.config, entry.metrics])).toEqual([
      [collector.config, 9],
      ['other.yaml', 0],
    ]);
  });

  test('the free tier (off by default) covers the account\'s first 10 metrics and 3 dashboards', async () => {
    const paid = await reportFor();
    expect(paid.totals.monthlyUSD).toBe('5.70'); // 9 × $0.30 + $3
    const free = await reportFor({ freeTier: true });
    expect(free.totals).toMatchObject({ customMetricsMonthlyUSD: '0.00', dashboardsMonthlyUSD: '0.00', monthlyUSD: '0.00' });
    expect(free.freeTier).toBe(true);
  });

  test('cost buckets by namespace, metric and label, largest first, with the unread share', async () => {
    const report = await reportFor();
    expect(report.costByNamespace).toEqual([{ name: NS, metrics: 9, unreadMetrics: 8, monthlyUSD: '2.70' }]);
    expect(report.costByMetric.map((bucket) => [bucket.name, bucket.metrics, bucket.unreadMetrics])).toEqual([
      [`${NS} http_request_duration_seconds`, 8, 7],
      [`${NS} process_cpu_user_seconds_total`, 1, 1],
    ]);
    expect(report.costByLabel.map((bucket) => [bucket.name, bucket.metrics])).toEqual([
      ['route', 6],
      ['method', 4],
    ]);
  });
});
