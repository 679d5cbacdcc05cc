import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CwdashError } from '../../../src/shared/errors.js';
import { cacheFileOf, resolveCacheDir, writeCache } from '../../../src/sources/price-list/cache.js';
import { PRICE_FEATURES } from '../../../src/sources/price-list/features.js';
import { itemPrice, validatePriceListItem } from '../../../src/sources/price-list/price-list-item.js';
import { loadPriceTable } from '../../../src/sources/price-list/prices.js';
import { loadSnapshot } from '../../../src/sources/price-list/snapshot.js';
import { cloudWatchProduct } from '../../support/fake-pricing-server.js';

let cacheDir: string;
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'cwdash-prices-'));
});
afterEach(async () => {
  await rm(cacheDir, { recursive: true, force: true });
});

describe('the embedded snapshot', () => {
  test('every price names sources that have a title, a URL and a date, and parses into tiers', async () => {
    const snapshot = await loadSnapshot();
    expect(snapshot.items.length).toBeGreaterThan(0);
    for (const entry of snapshot.items) {
      expect(entry.sources.length).toBeGreaterThan(0);
      for (const source of entry.sources) expect(source).toMatchObject({ title: expect.any(String), url: expect.any(String), date: expect.any(String) });
      expect(itemPrice(entry.item, {}).tiers.length).toBeGreaterThan(0);
    }
  });

  // No source confirms a price for CloudWatch's OpenTelemetry charges yet (a third-party $0.50/GB is unverified).
  const UNCONFIRMED = ['otelIngestion', 'otelContainerInsights', 'containerInsightsObservations'];

  test('Tokyo and N. Virginia have every Classic charge cwdash models, each from the snapshot; the OpenTelemetry ones are unknown', async () => {
    const { snapshotDate } = await loadSnapshot();
    for (const region of ['ap-northeast-1', 'us-east-1']) {
      const table = await loadPriceTable({ region, cacheDir, env: {} });
      expect(table).toMatchObject({ region, source: 'snapshot', date: snapshotDate });
      for (const feature of PRICE_FEATURES.filter((f) => !UNCONFIRMED.includes(f))) expect(table.prices[feature]).toMatchObject({ status: 'known', source: 'snapshot' });
      for (const feature of UNCONFIRMED) {
        expect(table.prices[feature as (typeof PRICE_FEATURES)[number]]).toEqual({
          status: 'unknown', feature, reason: `no confirmed price for ${region}`, fix: `run \`cwdash pricing refresh --region ${region}\` (needs pricing:GetProducts)`,
        });
      }
    }
  });

  test('a region no source confirms is unknown for every regional charge, with the refresh command as the fix', async () => {
    const table = await loadPriceTable({ region: 'sa-east-1', cacheDir, env: {} });
    const unknown = PRICE_FEATURES.filter((feature) => table.prices[feature].status === 'unknown');
    expect(unknown).toEqual(PRICE_FEATURES.filter((feature) => feature !== 'dashboards'));
    expect(table.prices.customMetrics).toMatchObject({
      reason: 'no confirmed price for sa-east-1',
      fix: expect.stringContaining('cwdash pricing refresh --region sa-east-1'),
    });
  });

  test('a region with only some confirmed prices has the others unknown (eu-central-1: only logs ingestion)', async () => {
    const table = await loadPriceTable({ region: 'eu-central-1', cacheDir, env: {} });
    expect(table.prices.logIngestion).toMatchObject({ status: 'known', confidence: 'third-party' });
    expect(table.prices.customMetrics.status).toBe('unknown');
  });
});

describe('the user cache', () => {
  const tokyoMetrics = cloudWatchProduct({
    usagetype: 'APN1-CW:MetricMonitorUsage',
    regionCode: 'ap-northeast-1',
    unit: 'Metrics',
    tiers: [['0', '10000', '0.2900000000'], ['10000', 'Inf', '0.0900000000']],
  });

  test('a refreshed region uses the cache; charges missing from it fall back to the snapshot', async () => {
    await writeCache(cacheDir, [
      {
        region: 'ap-northeast-1',
        fetchedAt: '2026-11-24T10:00:00.000Z',
        endpoint: 'https://api.pricing.us-east-1.amazonaws.com',
        items: [validatePriceListItem(tokyoMetrics, {})],
      },
    ]);
    const table = await loadPriceTable({ region: 'ap-northeast-1', cacheDir, env: {} });
    expect(table).toMatchObject({ source: 'cache', date: '2026-11-24T10:00:00.000Z', file: cacheFileOf(cacheDir, 'ap-northeast-1') });
    expect(table.prices.customMetrics).toMatchObject({ source: 'cache', confidence: 'price-list', tiers: [{ usdPerUnit: '0.2900000000' }, {}] });
    expect(table.prices.logIngestion).toMatchObject({ source: 'snapshot' });
  });

  test('the cache dir is --cache-dir, else CWDASH_CACHE_DIR, else $XDG_CACHE_HOME/cwdash, else ~/.cache/cwdash', () => {
    expect(resolveCacheDir({ cacheDir: 'c', env: { CWDASH_CACHE_DIR: '/e' }, cwd: '/w' })).toBe('/w/c');
    expect(resolveCacheDir({ env: { CWDASH_CACHE_DIR: '/e', XDG_CACHE_HOME: '/x' } })).toBe('/e');
    expect(resolveCacheDir({ env: { XDG_CACHE_HOME: '/x', HOME: '/h' } })).toBe('/x/cwdash');
    expect(resolveCacheDir({ env: { HOME: '/h' } })).toBe('/h/.cache/cwdash');
  });

  test('a damaged cache file is an error naming the file and how to fix it', async () => {
    await mkdir(join(cacheDir, 'pricing'), { recursive: true });
    await writeFile(cacheFileOf(cacheDir, 'us-east-1'), '{"schemaVersion": 1, "region": "us-east-1"');
    const error = await loadPriceTable({ region: 'us-east-1', cacheDir, env: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CwdashError);
    expect((error as CwdashError).describe()).toContain(cacheFileOf(cacheDir, 'us-east-1'));
    expect((error as CwdashError).fix).toContain('cwdash pricing refresh --region us-east-1');
  });

  test('a region code that is not one is a usage error', async () => {
    await expect(loadPriceTable({ region: 'Tokyo', cacheDir, env: {} })).rejects.toThrow(/not an AWS region code/);
  });
});
