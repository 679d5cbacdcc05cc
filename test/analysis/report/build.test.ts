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

  test('money is cents as decimal strings, rounded once, and the parts add up to the totals exactly', async () => {
    // Three collectors, one metric each, sending data 35% of the month: 3 × 0.35 × $0.30 = $0.315 → $0.32. Rounding each
    // part on its own would give 3 × $0.11 = $0.33; the parts are split so they add up to the total's cents.
    const metric = (name: string) => ({ identity: { namespace: NS, metricName: name, dimensions: {} }, metricMonths: 0.35 });
    const collectors = ['a', 'b', 'c'].map((name) => ({ facts: { ...collector, config: `${name}.yaml` }, metrics: [metric(name)] }));
    const report = await reportFor({ collectors });
    const cents = /^\d+\.\d{2}$/;
    expect(report.totals.customMetricsMonthlyUSD).toBe('0.32');
    expect(report.collectors.map((entry) => entry.monthlyUSD)).toEqual(['0.11', '0.11', '0.10']);
    expect(report.costByMetric.map((bucket) => bucket.monthlyUSD).sort()).toEqual(['0.10', '0.11', '0.11']);
    expect(report.totals.monthlyUSD).toBe('3.32'); // + one $3 dashboard, no EMF
    const sum = (values: readonly (string | null)[]) => values.reduce((total, value) => total + Math.round(Number(value) * 100), 0);
    expect(sum([report.totals.customMetricsMonthlyUSD, report.totals.dashboardsMonthlyUSD, report.totals.emfLogsMonthlyUSD])).toBe(332);
    for (const value of [report.totals.unusedMonthlyUSD, ...report.findings.flatMap((finding) => [finding.monthlyUSD, finding.savingUSD])]) expect(value).toMatch(cents);
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
