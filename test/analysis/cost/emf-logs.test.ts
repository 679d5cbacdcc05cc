import { describe, expect, test } from 'vitest';
import { emfLogUsage } from '../../../src/analysis/cost/emf-logs.js';
import { estimateMonthlyCost } from '../../../src/analysis/cost/model.js';
import { roundToCents } from '../../../src/analysis/cost/money.js';
import { loadPriceTable } from '../../../src/sources/price-list/prices.js';

const GiB = 1024 ** 3;

describe('EMF bytes as log usage', () => {
  test('10 GiB a month kept 30 days: 10 GB ingested, 10 × 0.15 × 30/30.44 GB-months stored', () => {
    const usage = emfLogUsage({ bytesPerMonth: 10 * GiB, retentionDays: 30 });
    expect(usage.logIngestion).toBe(10);
    expect(usage.logStorage).toBeCloseTo(1.5 * (30 / 30.4375), 10);
  });

  test('a log group that never expires (awsemf log_retention 0) is priced after 12 months of growth by default', () => {
    expect(emfLogUsage({ bytesPerMonth: 10 * GiB }).logStorage).toBeCloseTo(18, 10);
    expect(emfLogUsage({ bytesPerMonth: 10 * GiB, retentionDays: 0, horizonMonths: 24, compressionRatio: 1 }).logStorage).toBe(240);
  });

  test('in Tokyo, 10 GiB of EMF a month kept 90 days costs $7.60 to ingest and about $0.15 to store', async () => {
    const tokyo = await loadPriceTable({ region: 'ap-northeast-1', env: { CWDASH_CACHE_DIR: '/nonexistent/cwdash-test-cache' } });
    const breakdown = estimateMonthlyCost(emfLogUsage({ bytesPerMonth: 10 * GiB, retentionDays: 90 }), tokyo);
    expect(breakdown.lines.map((line) => (line.status === 'priced' ? roundToCents(line.usd) : line.status))).toEqual([7.6, 0.15]);
  });
});
