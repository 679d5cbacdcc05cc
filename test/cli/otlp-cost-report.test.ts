/**
 * cost-report with CloudWatch's OpenTelemetry path: the OTLP collector's ingestion beside the awsemf collector's
 * Classic cost and its OTLP equivalent; an unknown OTLP price stays unknown (null, the refresh command); a refreshed
 * price (a cache written as `pricing refresh` writes it) prices the GB exactly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { costReportSchema } from '../../src/analysis/report/cost-report-schema.js';
import { Decimal } from '../../src/analysis/cost/money.js';
import { writeCache } from '../../src/sources/price-list/cache.js';
import type { PriceListItem } from '../../src/sources/price-list/price-list-item.js';
import { cloudWatchProduct } from '../support/fake-pricing-server.js';
import { runCli } from '../support/run-cli.js';
import { CONFIG, ROOT, SCRAPE } from '../support/task-service-example.js';

const OTLP_CONFIG = join(ROOT, 'examples/task-service-otlp/otel-config.yaml');
const OTLP_SCRAPE = join(ROOT, 'examples/task-service-otlp/metrics.txt');
const args = ['cost-report', '--collector', `config=${CONFIG},scrape=${SCRAPE},version=0.50.0`, '--collector', `config=${OTLP_CONFIG},scrape=${OTLP_SCRAPE}`, '--dashboards', join(ROOT, 'dashboards'), '--region', 'us-east-1'];

async function report(cacheDir: string, format = 'json') {
  const result = await runCli([...args, '--format', format], { env: { CWDASH_CACHE_DIR: cacheDir, AWS_REGION: 'us-east-1' } });
  expect(result.stderr).not.toMatch(/error/);
  return result;
}

describe('cost-report: Classic and OTLP side by side', () => {
  test('an unknown OTLP price stays unknown: null cost, left out of the total, with the refresh command', async () => {
    const result = await report(mkdtempSync(join(tmpdir(), 'cwdash-cache-')));
    const json = costReportSchema.parse(JSON.parse(result.stdout));
    expect(json.schemaVersion).toBe(3);
    const [emf, otlp] = json.collectors;
    const unknownPrice = { status: 'unknown', reason: 'no confirmed price for us-east-1', fix: 'run `cwdash pricing refresh --region us-east-1` (needs pricing:GetProducts)' };
    expect(emf!.metrics).toBe(144);
    expect(emf!.otlpEquivalent).toMatchObject({ series: 89, monthlyUSD: null, price: unknownPrice });
    expect(emf!.otlp).toBeUndefined();
    expect(otlp!.otlp).toMatchObject({ series: 89, dataPointsPerMonth: 89 * 87_600, monthlyUSD: null, price: unknownPrice });
    expect(otlp!.otlp!.gbPerMonth).toBe(otlp!.otlp!.bytesPerMonth / 1e9);
    expect(json.totals.otlp).toMatchObject({ series: 89, monthlyUSD: null });
    // The OTLP export is billed: with its price unknown the total is unknown too, and says what is missing.
    expect(json.totals).toMatchObject({ monthlyUSD: null, complete: false });
    expect(json.totals.pricedMonthlyUSD).toBe(
      new Decimal(json.totals.customMetricsMonthlyUSD!).plus(json.totals.dashboardsMonthlyUSD!).plus(json.totals.emfLogsMonthlyUSD!).toFixed(2),
    );
    expect(json.totals.unpriced).toContainEqual(expect.objectContaining({ charge: 'OTLP ingestion (CW:OTEL:Bytes)', region: 'us-east-1', unit: 'GB' }));
    expect(json.problems).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/^OTLP ingestion \(CW:OTEL:Bytes\) price unknown in us-east-1 .*cwdash pricing refresh --region us-east-1/) }));

    const table = (await report(mkdtempSync(join(tmpdir(), 'cwdash-cache-')), 'table')).stdout;
    expect(table).toContain('Classic (custom metrics + EMF) vs OpenTelemetry (OTLP, per GB) and Container Insights modes');
    expect(table).toMatch(/examples\/task-service\/otel-config\.yaml +if over OTLP +144 metrics \$43\.20 \+ EMF logs \$0\.\d\d +89 series, 2\.006 GB, price unknown/);
    expect(table).toMatch(/examples\/task-service-otlp\/otel-config\.yaml +sends OTLP +- +89 series, 2\.006 GB, price unknown/);
  });

  test('a refreshed CW:OTEL:Bytes price prices the GB exactly and joins the total', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'cwdash-cache-'));
    // A test figure, not a real price: the cache holds only this product; every other charge still comes from the snapshot.
    const otel = cloudWatchProduct({ usagetype: 'USE1-CW:OTEL:Bytes', regionCode: 'us-east-1', unit: 'GB', tiers: [['0', 'Inf', '0.5000000000']] }) as unknown as PriceListItem;
    await writeCache(cacheDir, [{ region: 'us-east-1', fetchedAt: '2026-12-01T00:00:00.000Z', endpoint: 'https://api.pricing.us-east-1.amazonaws.com', items: [otel] }]);
    const json = costReportSchema.parse(JSON.parse((await report(cacheDir)).stdout));
    const otlp = json.collectors[1]!.otlp!;
    expect(otlp.price).toMatchObject({ status: 'known', usagetype: 'USE1-CW:OTEL:Bytes', usdPerUnit: '0.5000000000', source: 'cache' });
    expect(otlp.monthlyUSD).toBe(new Decimal(otlp.bytesPerMonth).div(1e9).times('0.5').toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2));
    expect(json.collectors[0]!.otlpEquivalent!.monthlyUSD).toBe(otlp.monthlyUSD);
    expect(json.totals.monthlyUSD).toBe(
      new Decimal(json.totals.customMetricsMonthlyUSD!).plus(json.totals.dashboardsMonthlyUSD!).plus(json.totals.emfLogsMonthlyUSD!).plus(otlp.monthlyUSD!).toFixed(2),
    );
    expect(json.problems.some((problem) => problem.message.startsWith('OTLP ingestion price'))).toBe(false);
  });
});

describe('cost-report --migration-plan', () => {
  test('on the bundled examples: the task-service dashboard rows get PromQL, SEARCH and math rows say why not', async () => {
    const result = await runCli(['cost-report', '--migration-plan', '--format', 'json'], { cwd: ROOT, env: { CWDASH_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cwdash-cache-')) } });
    const json = costReportSchema.parse(JSON.parse(result.stdout));
    const items = json.migrationPlan!.items;
    expect(items.find((item) => item.metric === 'prod/task-service nodejs_eventloop_lag_p99_seconds')).toMatchObject({
      consumer: { kind: 'dashboard', name: 'prod-task-service' }, mechanical: true, promql: 'max(max_over_time(nodejs_eventloop_lag_p99_seconds[1m]))',
    });
    expect(items.filter((item) => item.classic.startsWith('SEARCH(')).every((item) => !item.mechanical && item.promql === null)).toBe(true);
    expect(items.some((item) => item.note?.includes('metric math'))).toBe(true);
    const table = (await runCli(['cost-report', '--migration-plan'], { cwd: ROOT, env: { CWDASH_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cwdash-cache-')) } })).stdout;
    expect(table).toContain('Migration plan: Classic → OpenTelemetry (PromQL)');
    expect(table).toContain('  PromQL: max(max_over_time(nodejs_eventloop_lag_p99_seconds[1m]))');
  });
});
