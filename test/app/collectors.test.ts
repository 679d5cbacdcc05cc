/**
 * One collector input, mapped in one place (src/app/collectors.ts): explicit pairing with --collector, position
 * pairing only when it cannot be ambiguous, flag > project config entry, and one collector-version rule that
 * `metrics` and `cost-report` share (flag > project config > the inventory's DaemonSet image tag > newest profile).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { collectorsFromFlags, parseCollectorSpec } from '../../src/app/collectors.js';
import { chooseCollectorVersion } from '../../src/analysis/awsemf/collector-version.js';
import { predictMetrics } from '../../src/analysis/awsemf/predict.js';
import { DEFAULT_COLLECTOR_VERSION } from '../../src/analysis/awsemf/profiles.js';
import { parseCollectorConfig } from '../../src/sources/collector-config/load.js';
import { runCli } from '../support/run-cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const noProject = { file: undefined, collectors: [] };

describe('--collector', () => {
  test('names every input of one collector', () => {
    expect(parseCollectorSpec('config=a/otel.yaml,scrape=a/m.txt,inventory=inv.json,version=0.17.0,replicas=3,cluster-name=blue,env-file=.env', '/w')).toEqual({
      config: '/w/a/otel.yaml',
      scrape: '/w/a/m.txt',
      clusterInventory: '/w/inv.json',
      clusterName: 'blue',
      envFile: '/w/.env',
      replicas: 3,
      collectorVersion: '0.17.0',
      collectorVersionSource: '--collector version=',
    });
  });

  test.each([
    ['scrape=m.txt', '--collector "scrape=m.txt" names no config'],
    ['config=a.yaml,scarpe=m.txt', '--collector "config=a.yaml,scarpe=m.txt": unknown key "scarpe"'],
    ['config=a.yaml,replicas=0', 'replicas must be a whole number ≥ 1, got "0"'],
    ['config=a.yaml,config=b.yaml', 'config is given twice'],
    ['config=a.yaml,scrape=', 'scrape has no value'],
  ])('%s is a usage error', (spec, message) => {
    expect(() => parseCollectorSpec(spec, '/w')).toThrow(message);
  });
});

describe('pairing', () => {
  test('several --config with --scrape is ambiguous; --collector pairs explicitly', async () => {
    await expect(collectorsFromFlags({ config: ['a.yaml', 'b.yaml'], scrape: ['a.txt'] }, noProject, '/w')).rejects.toThrow(/--scrape with 2 --config files is ambiguous/);
    await expect(collectorsFromFlags({ config: ['a.yaml', 'b.yaml'], clusterInventory: ['i.json'] }, noProject, '/w')).rejects.toThrow(/--cluster-inventory with 2 --config files is ambiguous/);
    await expect(collectorsFromFlags({ collector: ['config=a.yaml'], scrape: ['a.txt'] }, noProject, '/w')).rejects.toThrow('--scrape and --cluster-inventory go with a --config');
    await expect(collectorsFromFlags({ config: ['a.yaml'], scrape: ['a.txt', 'b.txt'] }, noProject, '/w')).rejects.toThrow('more --scrape files than --config files');
    const explicit = await collectorsFromFlags({ collector: ['config=b.yaml,scrape=b.txt'], config: ['a.yaml'], scrape: ['a.txt'] }, noProject, '/w');
    expect(explicit.map((input) => [input.config, input.scrape])).toEqual([['/w/b.yaml', '/w/b.txt'], ['/w/a.yaml', '/w/a.txt']]);
  });

  test('flags win over the project entry for the same config, which fills in the rest', async () => {
    const project = { file: '/w/cwdash.config.ts', collectors: [{ config: '/w/a.yaml', scrape: '/w/a.txt', collectorVersion: '0.17.0', replicas: 2 }] };
    const [fromEntry] = await collectorsFromFlags({ config: ['a.yaml'] }, project, '/w');
    expect(fromEntry).toMatchObject({ scrape: '/w/a.txt', replicas: 2, collectorVersion: '0.17.0', collectorVersionSource: 'cwdash.config.ts' });
    const [flagged] = await collectorsFromFlags({ config: ['a.yaml'], collectorVersion: '0.40.0', replicas: 5 }, project, '/w');
    expect(flagged).toMatchObject({ scrape: '/w/a.txt', replicas: 5, collectorVersion: '0.40.0', collectorVersionSource: '--collector-version' });
  });

  test('a cwdash.config.ts between the working directory and the config file that lists it is its entry', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'cwdash-nearby-'));
    mkdirSync(join(cwd, 'svc'));
    writeFileSync(join(cwd, 'svc/cwdash.config.ts'), "export default { collectors: [{ config: 'otel.yaml', collectorVersion: '0.20.0' }] };\n");
    const [input] = await collectorsFromFlags({ config: ['svc/otel.yaml'] }, noProject, cwd);
    expect(input).toMatchObject({ collectorVersion: '0.20.0', collectorVersionSource: 'svc/cwdash.config.ts' });
  });
});

describe('the collector-version rule', () => {
  const inventory = (...images: string[]) => ({ file: 'inventory.json', daemonSetImages: images });
  test('given > the DaemonSet image tag > the newest profile', () => {
    expect(chooseCollectorVersion({ version: '0.30.0', source: '--collector-version' }, inventory('amazon/aws-otel-collector:v0.17.0'))).toEqual({ version: '0.30.0', rule: 'from --collector-version' });
    expect(chooseCollectorVersion(undefined, inventory('public.ecr.aws/aws-observability/aws-otel-collector:v0.40.1', 'fluent/fluent-bit:2.1'))).toEqual({
      version: '0.40.1',
      rule: "from the cluster inventory's DaemonSet collector image public.ecr.aws/aws-observability/aws-otel-collector:v0.40.1",
    });
    expect(chooseCollectorVersion(undefined, inventory('fluent/fluent-bit:2.1')).version).toBe(DEFAULT_COLLECTOR_VERSION);
    expect(chooseCollectorVersion(undefined).rule).toMatch(/^the newest profile cwdash knows/);
  });

  test('an image older than every profile is predicted as the oldest, with a warning; two versions are ambiguous', () => {
    const old = chooseCollectorVersion(undefined, inventory('amazon/aws-otel-collector:v0.14.0'));
    expect(old).toMatchObject({ version: '0.16.0' });
    expect(old.warning).toMatch(/runs ADOT 0\.14\.0 .* predicted as 0\.16\.0/);
    expect(() => chooseCollectorVersion(undefined, inventory('amazon/aws-otel-collector:v0.14.0', 'amazon/aws-otel-collector:v0.17.0'))).toThrow(/several ADOT collector versions/);
  });

  test('metrics and cost-report agree on the bundled example, and say which rule chose the version', async () => {
    const metrics = await runCli(['metrics', '--config', 'examples/task-service/otel-config.yaml', '--scrape', 'examples/task-service/metrics.txt', '--format', 'json'], { cwd: repo });
    expect(metrics.exitCode, metrics.stderr).toBe(0);
    expect(JSON.parse(metrics.stdout)).toMatchObject({ collectorVersion: '0.17.0', collectorVersionRule: 'from examples/cwdash.config.ts' });
    const table = await runCli(['metrics', '--config', 'examples/task-service/otel-config.yaml', '--scrape', 'examples/task-service/metrics.txt'], { cwd: repo });
    expect(table.stdout).toContain('Collector: ADOT 0.17.0 (contrib 0.45.1, profile OLD)\nVersion: from examples/cwdash.config.ts\n');
    const report = await runCli(['cost-report', '--format', 'json'], { cwd: mkdtempSync(join(tmpdir(), 'cwdash-bundled-')), env: {} });
    expect(report.exitCode, report.stderr).toBe(0);
    const assumptions: string[] = JSON.parse(report.stdout).assumptions;
    expect(assumptions.find((line) => line.includes('task-service/otel-config.yaml: ADOT'))).toMatch(/ADOT collector 0\.17\.0 \(contrib 0\.45\.1; from .*examples\/cwdash\.config\.ts\)/);
    expect(assumptions.find((line) => line.includes('cluster/otel-config.yaml: ADOT'))).toMatch(/ADOT collector 0\.16\.0 .*DaemonSet collector image amazon\/aws-otel-collector:v0\.14\.0, older than every profile: predicted as the oldest/);
  });
});

describe('usage errors on the command line', () => {
  test('position pairing with several configs exits 2 and points to --collector', async () => {
    const result = await runCli(['cost-report', '--config', 'a.yaml', '--scrape', 'a.txt', '--config', 'b.yaml'], { cwd: '/nowhere' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('error: --scrape with 2 --config files is ambiguous');
    expect(result.stderr).toContain('fix: pair them explicitly, one --collector per collector: --collector config=a.yaml,scrape=FILE');
  });

  test('metrics takes one --collector', async () => {
    const result = await runCli(['metrics', '--collector', 'config=a.yaml', '--collector', 'config=b.yaml'], { cwd: '/nowhere' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--collector must be one collector (metrics predicts one; cost-report takes several)');
  });

  test('the analysis words its errors without CLI flags', () => {
    const config = parseCollectorConfig('receivers: {}\nexporters: {}\nservice: { pipelines: {} }\n', 'otel.yaml', {});
    expect(() => predictMetrics({ config, replicas: 0 })).toThrow('replicas must be a whole number ≥ 1, got 0');
    try {
      predictMetrics({ config, replicas: 0 });
    } catch (error) {
      expect(String(error)).not.toContain('--replicas');
    }
  });
});
