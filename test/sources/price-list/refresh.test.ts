import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { AwsError } from '../../../src/shared/errors.js';
import { cacheFileOf, readCachedRegion } from '../../../src/sources/price-list/cache.js';
import { loadPriceTable } from '../../../src/sources/price-list/prices.js';
import { createPricingClient } from '../../../src/sources/price-list/pricing-client.js';
import { refreshPrices } from '../../../src/sources/price-list/refresh.js';
import { cloudWatchProduct, FakePricingServer, type FakeProduct } from '../../support/fake-pricing-server.js';

const FAKE_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDFAKEPRICING', AWS_SECRET_ACCESS_KEY: 'fake-secret' };

/** The CloudWatch products of one region as the Price List has them, plus products cwdash does not price. */
function regionProducts(region: string, prefix: string, metricFirstTier = '0.3000000000'): FakeProduct[] {
  const product = (usagetype: string, unit: string, usd: string, attributes: Record<string, string> = {}) =>
    cloudWatchProduct({ usagetype: `${prefix}${usagetype}`, regionCode: region, unit, tiers: [['0', 'Inf', usd]], attributes });
  return [
    cloudWatchProduct({
      usagetype: `${prefix}CW:MetricMonitorUsage`,
      regionCode: region,
      unit: 'Metrics',
      tiers: [
        ['250000', '1000000', '0.0500000000'],
        ['0', '10000', metricFirstTier],
        ['1000000', 'Inf', '0.0200000000'],
        ['10000', '250000', '0.1000000000'],
      ],
    }),
    product('CW:AlarmMonitorUsage', 'Alarms', '0.1000000000', { alarmType: 'Standard' }),
    product('CW:HighResAlarmMonitorUsage', 'Alarms', '0.3000000000', { alarmType: 'High Resolution' }),
    product('CW:Requests', 'Requests', '0.0000100000'),
    product('CW:GMD-Metrics', 'Metrics', '0.0000100000'),
    product('DataProcessing-Bytes', 'GB', '0.5700000000'),
    product('TimedStorage-ByteHrs', 'GB-Mo', '0.0300000000'),
    product('DataScanned-Bytes', 'GB', '0.0057000000'),
    // Products cwdash does not price; they must be skipped, not cached.
    product('CW:Canary-runs', 'Canary-runs', '0.0017000000'),
    product('CW:MetricStreamUsage', 'Metric Updates', '0.0000030000'),
    // The OpenTelemetry charges (test figures: no real price is confirmed for them).
    product('CW:OTEL:Bytes', 'GB', '0.5000000000'),
    product('CW:OTEL:Bytes:EKS-CI', 'GB', '0.4000000000'),
    product('ObservationUsage', 'Observations', '0.0000010000', { operation: 'ObservationCount:CI-EKS' }),
  ];
}

const dashboards = cloudWatchProduct({ usagetype: 'DashboardsUsageHour', location: 'Any', unit: 'Dashboards', tiers: [['0', 'Inf', '3.0000000000']] });

let server: FakePricingServer;
let cacheDir: string;
let warnings: string[];

beforeEach(async () => {
  server = await FakePricingServer.start({ products: [dashboards, ...regionProducts('eu-west-1', 'EU-'), ...regionProducts('us-east-1', 'USE1-')], pageSize: 3 });
  cacheDir = await mkdtemp(join(tmpdir(), 'cwdash-refresh-'));
  warnings = [];
});
afterEach(async () => {
  await server.close();
  await rm(cacheDir, { recursive: true, force: true });
});

async function refresh(regions: string[], throttleAttempts = 5) {
  const client = await createPricingClient({ endpointUrl: server.endpoint, env: FAKE_CREDENTIALS, callPolicy: { throttleAttempts, baseDelayMs: 5, maxDelayMs: 50 } });
  return refreshPrices({ regions, client, cacheDir, now: new Date('2026-11-24T12:00:00Z'), warn: (message) => warnings.push(message) });
}

describe('pricing refresh over the Price List wire protocol', () => {
  test('pages through GetProducts with NextToken, signed with the given credentials, and caches the priced products', async () => {
    const result = await refresh(['eu-west-1']);
    expect(result.regions).toEqual([{ region: 'eu-west-1', products: 13, found: expect.any(Array), missing: [] }]);
    expect(warnings).toEqual([]);

    const regional = server.calls.filter((call) => JSON.stringify(call.input.Filters).includes('regionCode'));
    expect(regional).toHaveLength(5); // 13 products, 3 a page
    expect(regional[0]!.input).toEqual({
      ServiceCode: 'AmazonCloudWatch',
      FormatVersion: 'aws_v1',
      Filters: [{ Type: 'TERM_MATCH', Field: 'regionCode', Value: 'eu-west-1' }],
      MaxResults: 100,
    });
    expect(regional.slice(1).every((call) => typeof call.input.NextToken === 'string')).toBe(true);
    expect(server.calls.every((call) => call.operation === 'GetProducts' && call.accessKeyId === 'AKIDFAKEPRICING')).toBe(true);
    expect(server.calls[0]!.contentType).toBe('application/x-amz-json-1.1');

    const cached = await readCachedRegion(cacheDir, 'eu-west-1');
    expect(cached).toMatchObject({ fetchedAt: '2026-11-24T12:00:00.000Z', endpoint: server.endpoint });
    expect(cached!.items.map((item) => item.product.attributes.usagetype).sort()).toEqual(
      ['DashboardsUsageHour', 'EU-CW:AlarmMonitorUsage', 'EU-CW:GMD-Metrics', 'EU-CW:HighResAlarmMonitorUsage', 'EU-CW:MetricMonitorUsage',
        'EU-CW:OTEL:Bytes', 'EU-CW:OTEL:Bytes:EKS-CI', 'EU-CW:Requests', 'EU-DataProcessing-Bytes', 'EU-DataScanned-Bytes', 'EU-ObservationUsage',
        'EU-TimedStorage-ByteHrs'],
    );

    const table = await loadPriceTable({ region: 'eu-west-1', cacheDir, env: {} });
    expect(table.prices.customMetrics).toMatchObject({
      source: 'cache',
      usagetype: 'EU-CW:MetricMonitorUsage',
      tiers: [{ begin: '0', end: '10000' }, { begin: '10000' }, { begin: '250000' }, { begin: '1000000', end: null }],
    });
    expect(table.prices.logIngestion).toMatchObject({ source: 'cache', tiers: [{ usdPerUnit: '0.5700000000' }] });
  });

  test('throttling is retried with backoff by the SDK until the call succeeds', async () => {
    server.throttle(2);
    await refresh(['eu-west-1']);
    expect(server.calls.slice(0, 3).map((call) => call.operation)).toEqual(['GetProducts', 'GetProducts', 'GetProducts']);
    expect(await readCachedRegion(cacheDir, 'eu-west-1')).toBeDefined();
  });

  test('throttling that does not clear is an AwsError with a fix, and leaves the previous cache intact', async () => {
    await refresh(['eu-west-1']);
    const before = await readFile(cacheFileOf(cacheDir, 'eu-west-1'), 'utf8');
    server.throttle(100);
    const error = await refresh(['eu-west-1'], 2).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).message).toMatch(/kept throttling/);
    expect((error as AwsError).fix).toMatch(/run the refresh again/);
    expect(await readFile(cacheFileOf(cacheDir, 'eu-west-1'), 'utf8')).toBe(before);
  });

  test('a malformed item cwdash needs fails the whole refresh, naming the page and item; no region is written', async () => {
    await refresh(['eu-west-1']);
    const before = await readFile(cacheFileOf(cacheDir, 'eu-west-1'), 'utf8');
    const broken = regionProducts('us-east-1', 'USE1-');
    const bad = JSON.parse(JSON.stringify(broken[5])) as any;
    Object.values<any>(Object.values<any>(bad.terms.OnDemand)[0].priceDimensions)[0].pricePerUnit.USD = 'N/A';
    broken[5] = bad;
    server.setProducts([dashboards, ...regionProducts('eu-west-1', 'EU-', '0.2500000000'), ...broken]);

    const error = await refresh(['eu-west-1', 'us-east-1']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AwsError);
    expect((error as AwsError).describe()).toMatch(/USE1-DataProcessing-Bytes is malformed/);
    expect((error as AwsError).describe()).toContain('regionCode=us-east-1 page 2 item 3');
    // eu-west-1 downloaded fine at the new price, but nothing is written unless every region is good.
    expect(await readFile(cacheFileOf(cacheDir, 'eu-west-1'), 'utf8')).toBe(before);
    expect(await readCachedRegion(cacheDir, 'us-east-1')).toBeUndefined();
  });

  test('a PriceList element that is not JSON fails the refresh', async () => {
    server.setProducts([dashboards, ...regionProducts('eu-west-1', 'EU-'), '{"product": {"attributes": {"regionCode": "eu-west-1"']);
    await expect(refresh(['eu-west-1'])).rejects.toThrow(/not JSON/);
  });

  test('a malformed product cwdash does not price is skipped with a warning', async () => {
    const products = regionProducts('eu-west-1', 'EU-');
    const canary = JSON.parse(JSON.stringify(products[8])) as any;
    canary.terms.OnDemand = {};
    products[8] = canary;
    server.setProducts([dashboards, ...products]);
    const result = await refresh(['eu-west-1']);
    expect(result.regions[0]!.missing).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/skipped a malformed product cwdash does not use \(EU-CW:Canary-runs\)/)]);
  });

  test('two products for one charge, or a unit cwdash does not expect, leave it unknown with a warning', async () => {
    const products = regionProducts('eu-west-1', 'EU-');
    const perHourAlarm = cloudWatchProduct({ usagetype: 'EU-CW:AlarmMonitorUsage', regionCode: 'eu-west-1', unit: 'Hrs', tiers: [['0', 'Inf', '0.0001369863']], attributes: { alarmType: 'Standard' } });
    products[1] = perHourAlarm;
    products.push(cloudWatchProduct({ usagetype: 'EU-CW:Requests', regionCode: 'eu-west-1', unit: 'Requests', tiers: [['0', 'Inf', '0.0000200000']], sku: 'SECONDREQUESTSKU' }));
    server.setProducts([dashboards, ...products]);
    const result = await refresh(['eu-west-1']);
    expect(result.regions[0]!.missing).toEqual(['standardAlarms', 'apiRequests']);
    expect(warnings.join('\n')).toMatch(/priced per "Hrs"/);
    expect(warnings.join('\n')).toMatch(/2 products match API requests/);
    const table = await loadPriceTable({ region: 'eu-west-1', cacheDir, env: {} });
    expect(table.prices.standardAlarms.status).toBe('unknown');
    expect(table.prices.apiRequests.status).toBe('unknown');
  });

  test('a region the Price List does not know is warned about and not cached', async () => {
    const result = await refresh(['eu-west-1', 'xx-nowhere-1']);
    expect(result.regions.map((region) => region.region)).toEqual(['eu-west-1']);
    expect(warnings).toEqual([expect.stringMatching(/no CloudWatch products for xx-nowhere-1/)]);
    await expect(refresh(['xx-nowhere-1'])).rejects.toThrow(/no prices were downloaded; the cache is unchanged/);
  });
});

describe('what a refresh changed', () => {
  test('the first refresh reports the charges whose price differs from the snapshot; a second, only what moved since', async () => {
    const first = await refresh(['us-east-1']);
    // The fake's us-east-1 logs prices differ from the snapshot's (0.57 vs 0.50 per GB ingested, 0.0057 vs 0.005 scanned).
    expect(first.changes.map((change) => [change.feature, change.before?.[0]?.usdPerUnit, change.after?.[0]?.usdPerUnit])).toEqual([
      ['logIngestion', '0.5000000000', '0.5700000000'],
      ['logsInsightsScanned', '0.0050000000', '0.0057000000'],
      // Unknown in the snapshot, known from the refresh: the OpenTelemetry charges.
      ['otelIngestion', undefined, '0.5000000000'],
      ['otelContainerInsights', undefined, '0.4000000000'],
      ['containerInsightsObservations', undefined, '0.0000010000'],
    ]);

    server.setProducts([dashboards, ...regionProducts('us-east-1', 'USE1-', '0.2800000000')]);
    const second = await refresh(['us-east-1']);
    expect(second.changes).toEqual([
      {
        region: 'us-east-1',
        feature: 'customMetrics',
        before: expect.arrayContaining([{ begin: '0', end: '10000', usdPerUnit: '0.3000000000' }]),
        after: expect.arrayContaining([{ begin: '0', end: '10000', usdPerUnit: '0.2800000000' }]),
      },
    ]);
  });

  test('a region first priced by the refresh shows its charges going from unknown to known', async () => {
    const result = await refresh(['eu-west-1']);
    expect(result.changes.filter((change) => change.before === null).map((change) => change.feature)).toContain('customMetrics');
  });

  test('a damaged cache does not stop the refresh that repairs it', async () => {
    await refresh(['eu-west-1']);
    await writeFile(cacheFileOf(cacheDir, 'eu-west-1'), 'not json');
    const result = await refresh(['eu-west-1']);
    expect(result.files).toEqual([cacheFileOf(cacheDir, 'eu-west-1')]);
    expect((await readCachedRegion(cacheDir, 'eu-west-1'))?.region).toBe('eu-west-1');
  });
});

describe('credentials', () => {
  test('--profile reads the named profile from the shared credentials file, even with keys in the environment', async () => {
    const credentialsFile = join(cacheDir, 'credentials');
    await writeFile(credentialsFile, '[pricing-reader]\naws_access_key_id = AKIDFROMPROFILE\naws_secret_access_key = profile-secret\n');
    // The SDK reads the location of the shared files from the process environment.
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', credentialsFile);
    vi.stubEnv('AWS_CONFIG_FILE', join(cacheDir, 'no-config'));
    try {
      const client = await createPricingClient({ endpointUrl: server.endpoint, profile: 'pricing-reader', env: FAKE_CREDENTIALS });
      await refreshPrices({ regions: ['eu-west-1'], client, cacheDir, now: new Date(), warn: () => {} });
    } finally {
      vi.unstubAllEnvs();
    }
    expect(new Set(server.calls.map((call) => call.accessKeyId))).toEqual(new Set(['AKIDFROMPROFILE']));
  });

  test('an endpoint that is not a URL is a usage error', async () => {
    await expect(createPricingClient({ endpointUrl: 'localhost:4566', env: {} })).rejects.toThrow(/invalid endpoint URL "localhost:4566"/);
  });
});
