import { describe, expect, test } from 'vitest';
import {
  customMetricsMonthlyCost,
  customMetricsSaving,
  estimateMonthlyCost,
  marginalMetricPrice,
  metricMonths,
  type CostLine,
  type PricedLine,
} from '../../../src/analysis/cost/model.js';
import { formatUsd, roundToCents } from '../../../src/analysis/cost/money.js';
import { loadPriceTable, resolvePrices, type PriceTable } from '../../../src/sources/price-list/prices.js';

// No cache: these tests price from the embedded snapshot only.
const env = { CWDASH_CACHE_DIR: '/nonexistent/cwdash-test-cache' };
const tokyo = await loadPriceTable({ region: 'ap-northeast-1', env });
const virginia = await loadPriceTable({ region: 'us-east-1', env });

function priced(line: CostLine): PricedLine {
  if (line.status !== 'priced') throw new Error(`expected a price, got unknown: ${line.reason}`);
  return line;
}

function cents(line: CostLine): number {
  return roundToCents(priced(line).usd);
}

describe('published worked examples', () => {
  test('graduated tiers: 50,000 metrics = 10,000 × $0.30 + 40,000 × $0.10 = $7,000.00 a month (docs/sources.md#pricing)', () => {
    const line = priced(customMetricsMonthlyCost(50_000, tokyo));
    expect(line.segments.map((segment) => [segment.quantity, segment.usdPerUnit, segment.usd])).toEqual([
      [10_000, '0.3000000000', 3000],
      [40_000, '0.1000000000', 4000],
    ]);
    expect(formatUsd(line.usd)).toBe('$7,000.00');
  });

  test('hourly proration: one metric sent for 168 h of a 720-h month = 0.233 metric-months ≈ $0.07 (Tokyo, S-QIITA)', () => {
    expect(metricMonths(1, 168, 720)).toBeCloseTo(0.2333, 4);
    const line = customMetricsMonthlyCost(1, tokyo, { activeHours: 168, hoursPerMonth: 720 });
    expect(cents(line)).toBe(0.07);
  });

  test('Container Insights: 506 metrics × $0.30 = $151.80 a month in us-east-1 (docs/sources.md#container-insights)', () => {
    expect(cents(customMetricsMonthlyCost(506, virginia))).toBe(151.8);
  });

  test('GetMetricData: 20 metrics every 5 minutes for 30 days = 172,800 metrics × $0.01/1,000 = $1.728 ≈ $1.73 (Site24x7 KB)', () => {
    const breakdown = estimateMonthlyCost({ getMetricData: 20 * 12 * 24 * 30 }, virginia);
    expect(priced(breakdown.lines[0]!).usd).toBeCloseTo(1.728, 10);
    expect(roundToCents(breakdown.totalUsd)).toBe(1.73);
  });

  test('alarms and dashboards as the Infracost goldens price them in us-east-1', () => {
    const cost = (usage: Parameters<typeof estimateMonthlyCost>[0]) => roundToCents(estimateMonthlyCost(usage, virginia).totalUsd);
    expect(cost({ standardAlarms: 1 })).toBe(0.1);
    expect(cost({ highResolutionAlarms: 1 })).toBe(0.3);
    expect(cost({ standardAlarms: 2 })).toBe(0.2); // a math expression over 2 metrics is 2 alarm metrics
    expect(cost({ highResolutionAlarms: 3 })).toBe(0.9); // anomaly detection: the metric + 2 band metrics
    expect(cost({ dashboards: 1 })).toBe(3);
  });

  test('log group in us-east-1: $0.50/GB ingested, $0.03/GB-month stored, $0.005/GB scanned (Infracost golden); medium defaults', () => {
    // Infracost's "medium" log group: 20 GB ingested, 333 GB stored, 2,000 GB scanned = $10 + $9.99 + $10.
    const breakdown = estimateMonthlyCost({ logIngestion: 20, logStorage: 333, logsInsightsScanned: 2000 }, virginia);
    expect(breakdown.lines.map((line) => [line.feature, cents(line)])).toEqual([
      ['logIngestion', 10],
      ['logStorage', 9.99],
      ['logsInsightsScanned', 10],
    ]);
    expect(formatUsd(breakdown.totalUsd)).toBe('$29.99');
  });

  test('Tokyo logs: $0.76/GB ingested and $0.033/GB-month stored (S-ROUGH, S-AWSI)', () => {
    const breakdown = estimateMonthlyCost({ logIngestion: 100, logStorage: 100 }, tokyo);
    expect(breakdown.lines.map(cents)).toEqual([76, 3.3]);
  });
});

describe('custom-metric tier edges (Tokyo)', () => {
  test.each([
    [9_999, 2999.7],
    [10_000, 3000],
    [10_001, 3000.1],
    [250_000, 27_000], // 3,000 + 240,000 × 0.10
    [1_000_000, 64_500], // 27,000 + 750,000 × 0.05
    [1_000_001, 64_500.02],
  ])('%i metrics cost $%d a month', (count, usd) => {
    expect(cents(customMetricsMonthlyCost(count, tokyo))).toBe(usd);
  });

  test('the marginal price of the next metric follows the account volume', () => {
    expect([0, 9_999, 10_000, 249_999, 250_000, 1_000_000].map((m) => marginalMetricPrice(tokyo, m))).toEqual([
      '0.3000000000',
      '0.3000000000',
      '0.1000000000',
      '0.1000000000',
      '0.0500000000',
      '0.0200000000',
    ]);
  });
});

describe('at the margin of an existing account', () => {
  test('1,000 new metrics in an account with 9,500: 500 × $0.30 + 500 × $0.10 = $200', () => {
    const line = priced(customMetricsMonthlyCost(1000, tokyo, { existingMetrics: 9_500 }));
    expect(line.usd).toBe(200);
    expect(line.unitPriceUSD).toBe('0.3000000000');
  });

  test('the same 1,000 metrics in an account with 2,000,000 cost $20', () => {
    expect(priced(customMetricsMonthlyCost(1000, tokyo, { existingMetrics: 2_000_000 })).usd).toBe(20);
  });

  test('removing 100 of 10,050 metrics saves 50 × $0.10 + 50 × $0.30 = $20', () => {
    expect(priced(customMetricsSaving(100, 10_050, tokyo)).usd).toBe(20);
  });

  test('estimateMonthlyCost prices every charge above the existing usage', () => {
    const breakdown = estimateMonthlyCost({ customMetrics: 10, dashboards: 1 }, tokyo, { existing: { customMetrics: 9_995 } });
    expect(breakdown.lines.map((line) => [line.feature, priced(line).usd])).toEqual([
      ['customMetrics', 5 * 0.3 + 5 * 0.1],
      ['dashboards', 3],
    ]);
  });
});

describe('free tier (off unless asked for)', () => {
  test('10 metrics, 3 dashboards, 10 standard alarm metrics and 1M requests are free; GetMetricData never is', () => {
    const usage = { customMetrics: 15, dashboards: 4, standardAlarms: 12, apiRequests: 1_500_000, getMetricData: 100_000 };
    const withFree = estimateMonthlyCost(usage, tokyo, { freeTier: true });
    expect(withFree.lines.map((line) => [line.feature, priced(line).freeQuantity, roundToCents(priced(line).usd)])).toEqual([
      ['customMetrics', 10, 1.5],
      ['dashboards', 3, 3],
      ['standardAlarms', 10, 0.2],
      ['apiRequests', 1_000_000, 5],
      ['getMetricData', 0, 1],
    ]);
    expect(roundToCents(estimateMonthlyCost(usage, tokyo).totalUsd)).toBe(4.5 + 12 + 1.2 + 15 + 1);
  });

  test('the free metrics are account-wide: an account already using 8 gets 2 of them', () => {
    expect(cents(customMetricsMonthlyCost(5, tokyo, { existingMetrics: 8, freeTier: true }))).toBe(0.9);
  });

  test('the 5 GB of logs are one pool, spent on ingestion first, then storage, then scans', () => {
    const breakdown = estimateMonthlyCost({ logIngestion: 3, logStorage: 4, logsInsightsScanned: 1 }, tokyo, { freeTier: true });
    expect(breakdown.lines.map((line) => priced(line).freeQuantity)).toEqual([3, 2, 0]);
    expect(breakdown.totalUsd).toBeCloseTo(2 * 0.033 + 1 * 0.0076, 12);
  });
});

describe('unknown prices are reported, never guessed', () => {
  test('a region without confirmed prices leaves its lines unknown, with how to refresh, and the total incomplete', async () => {
    const ireland = await loadPriceTable({ region: 'eu-west-1', env });
    const breakdown = estimateMonthlyCost({ customMetrics: 100, dashboards: 1 }, ireland);
    expect(breakdown.complete).toBe(false);
    expect(breakdown.totalUsd).toBe(3); // the account-global dashboard price still applies
    const metrics = breakdown.lines[0]!;
    expect(metrics).toMatchObject({ status: 'unknown', feature: 'customMetrics', quantity: 100 });
    expect(metrics.status === 'unknown' && metrics.fix).toContain('cwdash pricing refresh --region eu-west-1');
  });

  test('a usage type missing from the prices is unknown while the others are priced', () => {
    const onlyMetrics: PriceTable = { ...tokyo, prices: { ...tokyo.prices, getMetricData: resolvePrices('ap-northeast-1', []).getMetricData } };
    const breakdown = estimateMonthlyCost({ customMetrics: 1, getMetricData: 1000 }, onlyMetrics);
    expect(breakdown.lines.map((line) => line.status)).toEqual(['priced', 'unknown']);
    expect(breakdown.complete).toBe(false);
    expect(breakdown.totalUsd).toBe(0.3);
  });

  test('every line names the price it used and where that came from', () => {
    const line = priced(customMetricsMonthlyCost(1, tokyo));
    expect(line).toMatchObject({ usagetype: 'APN1-CW:MetricMonitorUsage', priceSource: 'snapshot', confidence: 'observed' });
    expect(line.references.map((reference) => reference.id)).toEqual(['S-ROUGH', 'S-FEMI']);
  });
});
