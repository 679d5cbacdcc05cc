import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CostReport, ReportTarget } from '../../../src/analysis/report/cost-report.js';
import { costReportSchema } from '../../../src/analysis/report/cost-report-schema.js';
import { mergeBuckets, mergeCostReports, sumUsd, tagTarget } from '../../../src/analysis/report/merge.js';
import { runCli } from '../../support/run-cli.js';

/** The bundled examples' report, priced in a region, as `cost-report --format json` writes it. */
async function bundledReport(region: string): Promise<CostReport> {
  const result = await runCli(['cost-report', '--format', 'json', '--region', region, '--date', '2026-12-01']);
  expect(result.exitCode).toBe(0);
  return JSON.parse(result.stdout) as CostReport;
}

const target = (key: string, accountId: string, status: ReportTarget['status'] = 'ok'): ReportTarget => ({
  key,
  name: key.split('/')[0]!,
  accountId,
  region: key.split('/')[1]!,
  status,
  ...(status === 'failed' ? { failure: { message: 'User: ci is not authorized to perform: sts:AssumeRole', missingAction: 'sts:AssumeRole' } } : {}),
});

let tokyo: CostReport;
let virginia: CostReport;
beforeAll(async () => {
  [tokyo, virginia] = await Promise.all([bundledReport('ap-northeast-1'), bundledReport('us-east-1')]);
}, 120_000);

describe('mergeCostReports', () => {
  test('sums money exactly from the cents, tags every finding, metric and collector, and keeps the schema', () => {
    const merged = mergeCostReports([
      { source: 'a.json', report: tagTarget(tokyo, target('prod/ap-northeast-1', '111111111111')) },
      { source: 'b.json', report: tagTarget(virginia, target('dev/us-east-1', '222222222222')) },
    ]);
    expect(costReportSchema.safeParse(merged).success).toBe(true);
    const cents = (value: string | null) => new Decimal(value!);
    expect(merged.totals.customMetricsMonthlyUSD).toBe(cents(tokyo.totals.customMetricsMonthlyUSD).plus(cents(virginia.totals.customMetricsMonthlyUSD)).toFixed(2));
    expect(merged.totals.pricedMonthlyUSD).toBe(cents(tokyo.totals.pricedMonthlyUSD).plus(virginia.totals.pricedMonthlyUSD).toFixed(2));
    expect(merged.totals.customMetrics).toBe(tokyo.totals.customMetrics + virginia.totals.customMetrics);
    expect(merged.regions).toEqual(['ap-northeast-1', 'us-east-1']);
    expect(merged.findings).toHaveLength(tokyo.findings.length + virginia.findings.length);
    expect(new Set(merged.findings.map((finding) => finding.target))).toEqual(new Set(['prod/ap-northeast-1', 'dev/us-east-1']));
    // The same finding in two accounts keeps two fingerprints, so a baseline tells them apart.
    const distinct = (report: CostReport) => new Set(report.findings.map((finding) => finding.fingerprint)).size;
    expect(new Set(merged.findings.map((finding) => finding.fingerprint)).size).toBe(distinct(tokyo) + distinct(virginia));
    expect(merged.metrics.every((metric) => metric.target !== undefined)).toBe(true);
    expect(merged.collectors.map((collector) => collector.target)).toEqual([...tokyo.collectors.map(() => 'prod/ap-northeast-1'), ...virginia.collectors.map(() => 'dev/us-east-1')]);
    expect(merged.costByTarget?.map((bucket) => [bucket.name, bucket.accountId, bucket.monthlyUSD])).toEqual([
      ['prod/ap-northeast-1', '111111111111', tokyo.totals.monthlyUSD],
      ['dev/us-east-1', '222222222222', virginia.totals.monthlyUSD],
    ]);
    expect(merged.targets?.map((entry) => entry.status)).toEqual(['ok', 'ok']);
  });

  test('a target that could not be read makes the totals incomplete and is listed with the IAM action it lacked', () => {
    const merged = mergeCostReports([{ source: 'a.json', report: tagTarget(tokyo, target('prod/ap-northeast-1', '111111111111')) }], [
      target('legacy/us-east-1', '444444444444', 'failed'),
    ]);
    expect(merged.totals.complete).toBe(false);
    expect(merged.totals.monthlyUSD).toBeNull();
    expect(merged.totals.pricedMonthlyUSD).toBe(tokyo.totals.pricedMonthlyUSD);
    expect(merged.targets?.map((entry) => [entry.key, entry.status])).toEqual([
      ['prod/ap-northeast-1', 'ok'],
      ['legacy/us-east-1', 'failed'],
    ]);
    expect(merged.problems).toContainEqual({ where: 'legacy/us-east-1', message: 'not read: User: ci is not authorized to perform: sts:AssumeRole (needs sts:AssumeRole)' });
    expect(costReportSchema.safeParse(merged).success).toBe(true);
  });

  test('every target failed: still a valid report that lists them', () => {
    const merged = mergeCostReports([], [target('legacy/us-east-1', '444444444444', 'failed')]);
    expect(costReportSchema.safeParse(merged).success).toBe(true);
    expect(merged.totals).toMatchObject({ customMetrics: 0, complete: false, monthlyUSD: null });
    expect(merged.targets).toHaveLength(1);
  });

  test('merging is deterministic: the same inputs give byte-identical JSON', () => {
    const inputs = [
      { source: 'a.json', report: tagTarget(tokyo, target('prod/ap-northeast-1', '111111111111')) },
      { source: 'b.json', report: tagTarget(virginia, target('dev/us-east-1', '222222222222')) },
    ];
    expect(JSON.stringify(mergeCostReports(inputs))).toBe(JSON.stringify(mergeCostReports(inputs)));
  });
});

describe('mergeBuckets and sumUsd', () => {
  test('buckets of one name add up; an unknown amount keeps the sum unknown and sorts last', () => {
    const merged = mergeBuckets([
      [{ name: 'prod/api', metrics: 2, monthlyUSD: '0.60', unreadMetrics: 1 }, { name: 'jobs', metrics: 1, monthlyUSD: null, unreadMetrics: 0 }],
      [{ name: 'prod/api', metrics: 3, monthlyUSD: '0.90', unreadMetrics: 3 }, { name: 'web', metrics: 1, monthlyUSD: '0.30', unreadMetrics: 0 }],
    ]);
    expect(merged).toEqual([
      { name: 'prod/api', metrics: 5, monthlyUSD: '1.50', unreadMetrics: 4 },
      { name: 'web', metrics: 1, monthlyUSD: '0.30', unreadMetrics: 0 },
      { name: 'jobs', metrics: 1, monthlyUSD: null, unreadMetrics: 0 },
    ]);
    expect(sumUsd(['0.10', '0.20'])).toBe('0.30');
    expect(sumUsd(['0.10', null])).toBeNull();
  });
});
