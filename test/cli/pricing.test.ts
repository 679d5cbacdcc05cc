import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cloudWatchProduct, FakePricingServer } from '../support/fake-pricing-server.js';
import { runCli } from '../support/run-cli.js';

let work: string;
let env: Record<string, string>;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'cwdash-pricing-cli-'));
  env = { CWDASH_CACHE_DIR: join(work, 'cache'), AWS_ACCESS_KEY_ID: 'AKIDFAKECLI', AWS_SECRET_ACCESS_KEY: 'fake-secret' };
});
afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('cwdash pricing show', () => {
  test('prints the prices in use as a table with their usage types and sources', async () => {
    const result = await runCli(['pricing', 'show', '--region', 'ap-northeast-1'], { cwd: work, env });
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toMatch(/^ap-northeast-1: embedded snapshot of \d{4}-\d{2}-\d{2} \(.*snapshot\.json\)$/m);
    expect(result.stdout).toMatch(/APN1-CW:MetricMonitorUsage\s+\$0\.30 per metric-month, first 10,000\s+S-ROUGH, S-FEMI \(observed\), 2025-07-24/);
    expect(result.stdout).toMatch(/\$0\.02 per metric-month, over 1,000,000/);
    expect(result.stdout).toMatch(/APN1-CW:Requests\s+\$0\.00001 per request \(\$0\.01 per 1,000\)/);
  });

  test('--format json is stable, versioned and says which prices are unknown and how to get them', async () => {
    const first = await runCli(['pricing', 'show', '--region', 'eu-west-1', '--region', 'us-east-1', '--format', 'json'], { cwd: work, env });
    const second = await runCli(['pricing', 'show', '--format', 'json', '--region', 'us-east-1', '--region', 'eu-west-1'], { cwd: work, env });
    expect(first.exitCode).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    const json = JSON.parse(first.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.regions.map((region: { region: string }) => region.region)).toEqual(['eu-west-1', 'us-east-1']);
    const metrics = json.regions[0].prices.find((price: { feature: string }) => price.feature === 'customMetrics');
    expect(metrics).toEqual({
      feature: 'customMetrics',
      title: 'Custom metrics (incl. EMF and detailed monitoring)',
      quantityUnit: 'metric-months',
      status: 'unknown',
      reason: 'no confirmed price for eu-west-1',
      fix: 'run `cwdash pricing refresh --region eu-west-1` (needs pricing:GetProducts)',
    });
    const dashboards = json.regions[1].prices.find((price: { feature: string }) => price.feature === 'dashboards');
    expect(dashboards).toMatchObject({ status: 'known', source: 'snapshot', usagetype: 'DashboardsUsageHour', tiers: [{ usdPerUnit: '3.0000000000' }] });
  });

  test('without --region it shows the project config region', async () => {
    await writeFile(join(work, 'package.json'), '{ "type": "module" }\n');
    await writeFile(join(work, 'cwdash.config.ts'), "export default { region: 'us-east-1' };\n");
    const result = await runCli(['pricing', 'show', '--format', 'json'], { cwd: work, env });
    expect(JSON.parse(result.stdout).regions.map((region: { region: string }) => region.region)).toEqual(['us-east-1']);
  });

  test('--out writes atomically and refuses to replace a file without --force', async () => {
    const out = join(work, 'prices.json');
    expect((await runCli(['pricing', 'show', '--region', 'us-east-1', '--format', 'json', '--out', 'prices.json'], { cwd: work, env })).exitCode).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).schemaVersion).toBe(1);
    const again = await runCli(['pricing', 'show', '--region', 'us-east-1', '--out', 'prices.json'], { cwd: work, env });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/already exists[\s\S]*--force/);
  });

  test('--metrics N --existing-metrics M estimates N more metrics at the margin of M, tier by tier', async () => {
    const result = await runCli(['pricing', 'show', '--region', 'ap-northeast-1', '--metrics', '5000', '--existing-metrics', '8000'], { cwd: work, env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(
      [
        'Estimate: 5,000 more custom metrics in ap-northeast-1 above 8,000: $900.00 a month',
        '  2,000 x $0.30 (first 10,000) = $600.00',
        '  3,000 x $0.10 (10,000 to 250,000) = $300.00',
      ].join('\n'),
    );
    const json = await runCli(['pricing', 'show', '--region', 'eu-west-1', '--metrics', '15', '--free-tier', '--format', 'json'], { cwd: work, env });
    expect(JSON.parse(json.stdout).regions[0].estimate).toEqual({
      metrics: 15,
      existingMetrics: 0,
      freeTier: true,
      status: 'unknown',
      reason: 'no confirmed price for eu-west-1',
      fix: 'run `cwdash pricing refresh --region eu-west-1` (needs pricing:GetProducts)',
    });
  });

  test('--metrics must be a count, and belongs to show', async () => {
    expect((await runCli(['pricing', 'show', '--metrics', '-1'], { cwd: work, env })).stderr).toMatch(/--metrics must be a number of metrics/);
    const refresh = await runCli(['pricing', 'refresh', '--metrics', '10'], { cwd: work, env });
    expect(refresh.exitCode).toBe(2);
    expect(refresh.stderr).toMatch(/--metrics estimates with `pricing show`/);
  });

  test('a region that is not a region code is a usage error without a stack trace', async () => {
    const result = await runCli(['pricing', 'show', '--region', 'Tokyo'], { cwd: work, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('error: "Tokyo" is not an AWS region code\n  fix: use a code such as us-east-1 or ap-northeast-1\n');
  });
});

describe('cwdash pricing refresh', () => {
  let server: FakePricingServer;
  beforeEach(async () => {
    server = await FakePricingServer.start({
      products: [
        cloudWatchProduct({ usagetype: 'DashboardsUsageHour', location: 'Any', unit: 'Dashboards', tiers: [['0', 'Inf', '3.0000000000']] }),
        cloudWatchProduct({
          usagetype: 'EU-CW:MetricMonitorUsage',
          regionCode: 'eu-west-1',
          unit: 'Metrics',
          tiers: [['0', '10000', '0.3000000000'], ['10000', 'Inf', '0.1000000000']],
        }),
      ],
    });
  });
  afterEach(async () => {
    await server.close();
  });

  test('downloads through --endpoint-url into the cache, after which show reports the cache as the source', async () => {
    const refresh = await runCli(['pricing', 'refresh', '--region', 'eu-west-1', '--endpoint-url', server.endpoint], { cwd: work, env });
    expect(refresh.exitCode).toBe(0);
    expect(refresh.stdout).toMatch(/^eu-west-1\s+1\s+2\s+Standard-resolution alarm metrics$/m);
    expect(refresh.stdout).toMatch(/1 cache file\(s\) written\.\nPrices that changed against the ones in use before:\n  eu-west-1 Custom metrics \(incl\. EMF and detailed monitoring\): unknown -> \$0\.30 first 10,000, \$0\.10 over 10,000\n$/);
    expect(refresh.stderr).toContain(`refreshing CloudWatch prices for eu-west-1 from ${server.endpoint}`);
    expect(refresh.stderr).toMatch(/warning: eu-west-1: no usable Price List product for Logs ingestion/);
    expect(server.calls.every((call) => call.accessKeyId === 'AKIDFAKECLI')).toBe(true);

    const show = await runCli(['pricing', 'show', '--region', 'eu-west-1', '--format', 'json'], { cwd: work, env });
    const region = JSON.parse(show.stdout).regions[0];
    expect(region).toMatchObject({ source: 'cache', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(region.prices.find((price: { feature: string }) => price.feature === 'customMetrics')).toMatchObject({
      status: 'known',
      source: 'cache',
      confidence: 'price-list',
    });
  });

  test('AWS_ENDPOINT_URL_PRICING and --cache-dir work like the flags', async () => {
    const cache = join(work, 'other-cache');
    const result = await runCli(['pricing', 'refresh', '--region', 'eu-west-1', '--cache-dir', cache, '--format', 'json'], {
      cwd: work,
      env: { ...env, AWS_ENDPOINT_URL_PRICING: server.endpoint },
    });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ schemaVersion: 1, regions: [{ region: 'eu-west-1', products: 1 }] });
    expect(JSON.parse(await readFile(join(cache, 'pricing', 'eu-west-1.json'), 'utf8')).region).toBe('eu-west-1');
  });

  test('an API that never answers ends in an error naming GetProducts, after the retries it printed', async () => {
    server.inject('no-answer', 10);
    const result = await runCli(['pricing', 'refresh', '--region', 'eu-west-1', '--endpoint-url', server.endpoint], {
      cwd: work,
      env: { ...env, CWDASH_AWS_REQUEST_TIMEOUT: '0.2' },
    });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/The Price List API GetProducts failed \(TimeoutError\); retrying in \d+\.\ds \(attempt 2 of 3\)/);
    expect(result.stderr).toContain('error: The Price List API did not answer GetProducts (no answer within 0.2 s per request, 3 attempts)');
  });

  test('an API that cannot be reached is exit 2 with a fix, and the snapshot keeps working', async () => {
    const endpoint = server.endpoint;
    await server.close();
    const result = await runCli(['pricing', 'refresh', '--region', 'eu-west-1', '--endpoint-url', endpoint], { cwd: work, env });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/The Price List API GetProducts failed \(ECONNREFUSED\); retrying in \d+\.\ds \(attempt 2 of 3\)/);
    expect(result.stderr).toMatch(/error: cannot reach the Price List API for GetProducts \(ECONNREFUSED\)/);
    expect(result.stderr).toMatch(/fix: check the network, --endpoint-url/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    server = await FakePricingServer.start({ products: [] });
  });
});
