/**
 * The price region follows the collector (one rule for every collector and --account), and an unknown price is
 * unknown in every format, never $0.00.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { costReportSchema } from '../../src/analysis/report/cost-report-schema.js';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch } from '../support/fake-cloudwatch-server.js';
import { runCli } from '../support/run-cli.js';
import { CONFIG, ENV, NS, SCRAPE } from '../support/task-service-example.js';

/** The bundled sidecar config with its awsemf `region` line replaced (or removed). */
function configWithRegion(dir: string, name: string, region: string | undefined): string {
  const text = readFileSync(CONFIG, 'utf8').replace(/^ {4}region: .*\n/m, region === undefined ? '' : `    region: ${region}\n`);
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cwdash-region-'));
  writeFileSync(join(dir, 'board.json'), JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: 'x' } }] }));
  return dir;
}

/** An AWS config file the way `aws configure` writes it, and an environment that points the SDK's loader at it. */
function awsConfig(dir: string, text: string, name = 'aws-config') {
  writeFileSync(join(dir, name), text);
  return { AWS_CONFIG_FILE: join(dir, name), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials') };
}

const report = (dir: string, args: string[], env: Record<string, string> = {}) =>
  runCli(['cost-report', '--dashboards', 'board.json', ...(args.includes('--format') ? [] : ['--format', 'json']), ...args], {
    cwd: dir,
    env: { ...ENV, ...awsConfig(dir, '', 'empty-aws-config'), ...env },
  });

describe('the price region follows the collector', () => {
  test("the awsemf exporter's region, with no flag, no AWS_REGION and no profile", async () => {
    const dir = workspace();
    const config = configWithRegion(dir, 'otel.yaml', 'ap-northeast-1');
    const result = await report(dir, ['--config', config, '--scrape', SCRAPE]);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.regions).toEqual(['ap-northeast-1']);
    expect(json.collectors[0]).toMatchObject({ region: 'ap-northeast-1', regionRule: "the collector's own region (the awsemf exporter's region, otel.yaml:19:5)" });
    expect(json.totals.customMetricsMonthlyUSD).toBe('43.20'); // Tokyo: $0.30 for the first 10,000
  });

  test('the order: --region > the collector > the project config > AWS_REGION > AWS_DEFAULT_REGION > the profile', async () => {
    const dir = workspace();
    const own = configWithRegion(dir, 'own.yaml', 'ap-northeast-1');
    const none = configWithRegion(dir, 'none.yaml', undefined);
    const regionOf = async (config: string, args: string[], env: Record<string, string> = {}) => {
      const result = await report(dir, ['--config', config, '--scrape', SCRAPE, ...args], env);
      expect(result.exitCode, result.stderr).toBe(0);
      const collector = JSON.parse(result.stdout).collectors[0];
      return `${collector.region} by ${collector.regionRule}`;
    };
    const profile = awsConfig(dir, '[default]\nregion = us-east-1\n\n[profile tokyo]\nregion = ap-northeast-1\n');
    expect(await regionOf(own, ['--region', 'us-east-1'], { AWS_REGION: 'eu-west-1' })).toBe('us-east-1 by --region');
    expect(await regionOf(own, [], { AWS_REGION: 'us-east-1' })).toMatch(/^ap-northeast-1 by the collector's own region/);
    expect(await regionOf(none, [], { AWS_REGION: 'us-east-1', AWS_DEFAULT_REGION: 'eu-west-1' })).toBe('us-east-1 by AWS_REGION');
    expect(await regionOf(none, [], { AWS_DEFAULT_REGION: 'us-east-1' })).toBe('us-east-1 by AWS_DEFAULT_REGION');
    expect(await regionOf(none, [], profile)).toBe('us-east-1 by the region of AWS profile "default"');
    expect(await regionOf(none, ['--profile', 'tokyo'], profile)).toBe('ap-northeast-1 by the region of AWS profile "tokyo"');
    expect(await regionOf(none, [], { ...profile, AWS_PROFILE: 'tokyo' })).toBe('ap-northeast-1 by the region of AWS profile "tokyo"');
    writeFileSync(join(dir, 'cwdash.config.ts'), "export default { region: 'ap-northeast-1' };\n");
    expect(await regionOf(none, [], { AWS_REGION: 'us-east-1' })).toBe('ap-northeast-1 by region in the project config');
  });

  test('no region anywhere is a usage error saying how to give one', async () => {
    const dir = workspace();
    const none = configWithRegion(dir, 'none.yaml', undefined);
    const result = await report(dir, ['--config', none, '--scrape', SCRAPE]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: no AWS region for none.yaml: the prices depend on it');
    expect(result.stderr).toContain('pass --region R, set region in cwdash.config.ts (or on the collector\'s awsemf exporter), export AWS_REGION');
  });

  test('collectors in different regions are each priced in their own, and the table shows the region per collector', async () => {
    const dir = workspace();
    configWithRegion(dir, 'tokyo.yaml', 'ap-northeast-1');
    configWithRegion(dir, 'virginia.yaml', undefined);
    writeFileSync(
      join(dir, 'cwdash.config.ts'),
      `export default { collectors: [{ config: 'tokyo.yaml', scrape: ${JSON.stringify(SCRAPE)} }, { config: 'virginia.yaml', scrape: ${JSON.stringify(SCRAPE)}, region: 'us-east-1' }] };\n`,
    );
    const result = await report(dir, ['--allow-drop-all']);
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(costReportSchema.safeParse(json).error?.issues).toBeUndefined();
    expect(json.regions).toEqual(['ap-northeast-1', 'us-east-1']);
    expect(json.prices.map((table: { region: string }) => table.region)).toEqual(['ap-northeast-1', 'us-east-1']);
    expect(json.collectors.map((collector: { config: string; region: string; regionRule: string }) => [collector.config, collector.region, collector.regionRule])).toEqual([
      ['tokyo.yaml', 'ap-northeast-1', "the collector's own region (the awsemf exporter's region, tokyo.yaml:19:5)"],
      ['virginia.yaml', 'us-east-1', "the collector's own region (its entry in the project config)"],
    ]);
    // The same 144 metrics sent to one region would be one bill; sent to two regions they are two, each region
    // priced on its own tiers: 2 × 144 × $0.30.
    expect(json.totals.customMetrics).toBe(288);
    expect(json.collectors.map((collector: { monthlyUSD: string }) => collector.monthlyUSD)).toEqual(['43.20', '43.20']);
    expect(json.totals.customMetricsMonthlyUSD).toBe('86.40');
    const table = await runCli(['cost-report', '--dashboards', 'board.json', '--allow-drop-all'], { cwd: dir, env: { ...ENV, ...awsConfig(dir, '') } });
    expect(table.stdout).toMatch(/CONFIG\s+REGION\s+METRICS/);
    expect(table.stdout).toMatch(/tokyo\.yaml\s+ap-northeast-1\s+144/);
    expect(table.stdout).toMatch(/virginia\.yaml\s+us-east-1\s+144/);
    expect(table.stdout).toContain('cwdash cost report: prices for ap-northeast-1 from the snapshot of 2026-11-24, us-east-1 from the snapshot of 2026-11-24; free tier not applied');
  });
});

describe('an unknown price is unknown, never $0.00', () => {
  test('custom metrics in a region no source prices: null in JSON, a problem naming the refresh, an incomplete total', async () => {
    const dir = workspace();
    const config = configWithRegion(dir, 'otel.yaml', 'eu-west-1');
    const json = await report(dir, ['--config', config, '--scrape', SCRAPE]);
    expect(json.exitCode, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout);
    expect(costReportSchema.safeParse(parsed).error?.issues).toBeUndefined();
    expect(parsed.totals).toMatchObject({ customMetricsMonthlyUSD: null, monthlyUSD: null, complete: false, unusedMonthlyUSD: null });
    expect(parsed.totals.unpriced).toEqual(
      expect.arrayContaining([
        { charge: 'Custom metrics (incl. EMF and detailed monitoring)', region: 'eu-west-1', quantity: 144, unit: 'metric-months', fix: 'run `cwdash pricing refresh --region eu-west-1` (needs pricing:GetProducts)' },
      ]),
    );
    expect(parsed.collectors[0].monthlyUSD).toBeNull();
    expect(parsed.findings.find((finding: { rule: string }) => finding.rule === 'unused-metric')).toMatchObject({ monthlyUSD: null, savingUSD: null });
    expect(parsed.problems).toContainEqual({
      where: 'prices eu-west-1',
      message: 'Custom metrics (incl. EMF and detailed monitoring) price unknown in eu-west-1 (144 metric-months unpriced, left out of the total): run `cwdash pricing refresh --region eu-west-1` (needs pricing:GetProducts)',
    });

    for (const format of ['table', 'markdown', 'html']) {
      const rendered = await report(dir, ['--config', config, '--scrape', SCRAPE, '--format', format]);
      expect(rendered.exitCode, rendered.stderr).toBe(0);
      expect(rendered.stdout).not.toMatch(/\$0\.00/);
      expect(rendered.stdout).toMatch(/the total is incomplete\\?: no price for Custom metrics/);
      expect(rendered.stdout).toContain('cwdash pricing refresh --region eu-west-1');
    }
    const table = await report(dir, ['--config', config, '--scrape', SCRAPE, '--format', 'table']);
    expect(table.stdout).toMatch(/custom metrics +144 +unknown\n/);
    expect(table.stdout).toMatch(/total +unknown \(at least \$\d+\.\d\d\)\n/);
  });

  test('audit exits 1 on an incomplete total, naming what is missing, unless --allow-unpriced', async () => {
    const dir = workspace();
    const config = configWithRegion(dir, 'otel.yaml', 'eu-west-1');
    const args = ['audit', '--config', config, '--scrape', SCRAPE, '--dashboards', 'board.json', '--fail-on', 'error'];
    const env = { ...ENV, ...awsConfig(dir, '') };
    const failed = await runCli(args, { cwd: dir, env });
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('warning: no price for Custom metrics (incl. EMF and detailed monitoring) in eu-west-1: the total is incomplete; run `cwdash pricing refresh --region eu-west-1`');
    expect(failed.stderr).toContain('pass --allow-unpriced');
    expect((await runCli([...args, '--allow-unpriced'], { cwd: dir, env })).exitCode).toBe(0);
  });
});

describe('--account follows the same rule and the profile, as the AWS CLI does', () => {
  const cloudWatch = useFakeCloudWatch();

  test("the profile's region and endpoint_url", async () => {
    const fake = cloudWatch();
    fake.metrics = [{ Namespace: NS, MetricName: 'queue_depth' }];
    const dir = workspace();
    const { AWS_REGION: _, ...keys } = FAKE_CREDENTIALS_ENV;
    const env = { ...ENV, ...keys, ...awsConfig(dir, `[profile local]\nregion = ap-northeast-1\nendpoint_url = ${fake.url}\n`), AWS_PROFILE: 'local' };
    const result = await runCli(['cost-report', '--account', '--format', 'json'], { cwd: dir, env });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ regions: ['ap-northeast-1'], totals: { customMetrics: 1 } });
    expect(fake.callsOf('ListMetrics')[0]?.region).toBe('ap-northeast-1');
  });
});
