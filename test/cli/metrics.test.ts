/** `cwdash metrics` end to end through the real CLI: formats, stdin, --scrape-url over loopback, errors, --emf. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const config = 'examples/task-service/otel-config.yaml';
const scrape = 'examples/task-service/metrics.txt';
const scrapeText = readFileSync(join(repo, scrape), 'utf8');

describe('cwdash metrics', () => {
  it('prints the table for the task-service example', async () => {
    // The NEW profile (ADOT 0.50); without the flag the example predicts as ADOT 0.17, its version in examples/cwdash.config.ts.
    const result = await runCli(['metrics', '--config', config, '--scrape', scrape, '--collector-version', '0.50.0'], { cwd: repo });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('Collector config: examples/task-service/otel-config.yaml');
    expect(result.stdout).toContain('144 CloudWatch custom metrics');
    expect(result.stdout).toMatch(/http_request_duration_seconds\s+21\s+\[OTelLib,code,method,route\] ×8/);
    expect(result.stdout).toMatch(/^code\s+5\s+39$/m);
    expect(result.stdout).toMatch(/per month \(30 days\)\s+2,419,200\s+1\.59 GB\s+1\.64 GB/);
    expect(result.stderr).toBe('');
  });

  it('prints stable JSON in the documented shape', async () => {
    const first = await runCli(['metrics', '--config', config, '--scrape', scrape, '--format', 'json', '--collector-version', '0.50.0'], { cwd: repo });
    const second = await runCli(['metrics', '--config', config, '--scrape', scrape, '--format', 'json', '--collector-version', '0.50.0'], { cwd: repo });
    expect(first.stdout).toBe(second.stdout);
    const json = JSON.parse(first.stdout);
    expect(json).toMatchObject({ schemaVersion: 1, collectorVersion: '0.50.0', summary: { customMetrics: 144, byNamespace: { 'prod/task-service': 144 }, notModelled: [] } });
    expect(json.metrics).toHaveLength(144);
    expect(json.metrics[0]).toEqual({
      namespace: 'prod/task-service',
      metricName: 'app_version',
      dimensions: { OTelLib: 'github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver' },
      source: { pipeline: 'metrics', receiver: 'prometheus', exporter: 'awsemf', job: 'prod/task-service', series: 1, exampleSeries: 'app_version{major="1",minor="4",patch="2",version="1.4.2"}', dimensionSet: 'zero-rollup' },
    });
  });

  it('writes CSV, one row per metric, to --out atomically and refuses to overwrite without --force', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-metrics-'));
    const out = join(dir, 'metrics.csv');
    const args = ['metrics', '--config', join(repo, config), '--scrape', join(repo, scrape), '--format', 'csv', '--out', out, '--collector-version', '0.17.0'];
    expect((await runCli(args, { cwd: dir })).exitCode).toBe(0);
    const rows = (await readFile(out, 'utf8')).trimEnd().split('\r\n');
    expect(rows).toHaveLength(145);
    expect(rows[0]).toBe('namespace,metric_name,dimensions,dimension_count,dimension_set,pipeline,receiver,exporter,job,series,example_series');
    expect(rows).toContain('prod/task-service,up,,0,full,metrics,prometheus,awsemf,prod/task-service,1,up (scrape loop)');
    const again = await runCli(args, { cwd: dir });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/file already exists[\s\S]*--force/);
    expect((await runCli([...args, '--force'], { cwd: dir })).exitCode).toBe(0);
    // On stdout the rows are the same bytes: CRLF line ends pass the terminal escaping as they are.
    const printed = await runCli(args.filter((arg, index) => arg !== '--out' && args[index - 1] !== '--out'), { cwd: dir });
    expect(printed.stdout).toBe(await readFile(out, 'utf8'));
  });

  it('reads the scrape from stdin', async () => {
    const result = await runCli(['metrics', '--config', config, '--scrape', '-', '--format', 'json'], { cwd: repo, stdin: scrapeText });
    expect(JSON.parse(result.stdout).summary.customMetrics).toBe(144);
  });

  it('reports a malformed scrape line with file:line and Prometheus’ reason, exit 2', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-metrics-'));
    await writeFile(join(dir, 'bad.txt'), '# TYPE a gauge\na 1\nb{x="1"\n');
    const result = await runCli(['metrics', '--config', join(repo, config), '--scrape', 'bad.txt'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^error: bad\.txt:3:8: invalid Prometheus text exposition: expected label name, got "INVALID"\n  fix: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('reports a missing variable in the config with its line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-metrics-'));
    await writeFile(join(dir, 'otel.yaml'), 'exporters:\n  awsemf:\n    namespace: ${env:APP_NAMESPACE}\n');
    const result = await runCli(['metrics', '--config', 'otel.yaml'], { cwd: dir });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('otel.yaml:3:5: exporters.awsemf.namespace: environment variable "APP_NAMESPACE" is not set');
    await writeFile(join(dir, 'vars.env'), 'APP_NAMESPACE=Shop\n');
    expect((await runCli(['metrics', '--config', 'otel.yaml', '--env-file', 'vars.env'], { cwd: dir })).exitCode).toBe(0);
  });

  it('rejects an unknown collector version with the known ones', async () => {
    const result = await runCli(['metrics', '--config', config, '--collector-version', '0.99.0'], { cwd: repo });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/unknown ADOT collector version "0\.99\.0"[\s\S]*0\.16\.0 … 0\.50\.0/);
  });

  it('counts existing EMF events with --emf', async () => {
    const result = await runCli(['metrics', '--emf', 'test/fixtures/emf/emf-events.jsonl', '--format', 'json'], { cwd: repo });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { customMetrics: 196 }, emfLog: { events: 16, invalidEvents: 0 } });
  });

  it('adds the Container Insights metrics with --cluster-inventory, and says what is missing without it', async () => {
    const { predictContainerInsightsMetrics } = await import('../../src/analysis/container-insights/predict.js');
    const { loadClusterInventory } = await import('../../src/sources/cluster-inventory/load.js');
    const { loadCollectorConfig } = await import('../../src/sources/collector-config/load.js');
    const expected = predictContainerInsightsMetrics(
      await loadCollectorConfig(join(repo, 'examples/cluster/otel-config.yaml'), { env: {} }),
      await loadClusterInventory(join(repo, 'examples/cluster/inventory.json')),
    );
    const args = ['metrics', '--config', 'examples/cluster/otel-config.yaml', '--format', 'json'];
    const withInventory = JSON.parse((await runCli([...args, '--cluster-inventory', 'examples/cluster/inventory.json'], { cwd: repo })).stdout);
    expect(withInventory.summary.customMetrics).toBe(expected.length);
    expect(withInventory.summary.byNamespace).toEqual({ ContainerInsights: expected.length });
    expect(withInventory.summary.notModelled).toEqual([]);
    // Outside the repository examples/cwdash.config.ts does not apply, so nothing names the inventory. (A fresh
    // directory, not tmpdir() itself: a clone under /tmp would have the project config between the two.)
    const outside = mkdtempSync(join(tmpdir(), 'cwdash-outside-'));
    const without = JSON.parse((await runCli(['metrics', '--config', join(repo, 'examples/cluster/otel-config.yaml'), '--format', 'json'], { cwd: outside })).stdout);
    expect(without.summary.customMetrics).toBe(0);
    expect(without.summary.notModelled[0].reason).toMatch(/pass --cluster-inventory/);
  });

  it('--cluster-name names the cluster the config and the nodes do not name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-cluster-name-'));
    const placeholder = readFileSync(join(repo, 'examples/cluster/otel-config.yaml'), 'utf8').replace('/aws/containerinsights/mz-k8s/performance', '/aws/containerinsights/{ClusterName}/performance');
    writeFileSync(join(dir, 'otel.yaml'), placeholder);
    const inventory = JSON.parse(readFileSync(join(repo, 'examples/cluster/inventory.json'), 'utf8'));
    for (const item of inventory.items) if (item.metadata?.labels) delete item.metadata.labels['alpha.eksctl.io/cluster-name'];
    writeFileSync(join(dir, 'inventory.json'), JSON.stringify(inventory));
    const args = ['metrics', '--config', 'otel.yaml', '--cluster-inventory', 'inventory.json', '--format', 'json'];
    const unnamed = await runCli(args, { cwd: dir });
    expect(unnamed.exitCode).toBe(2);
    expect(unnamed.stderr).toContain('fix: pass --cluster-name NAME');
    const named = JSON.parse((await runCli([...args, '--cluster-name', 'blue'], { cwd: dir })).stdout);
    expect(named.summary.customMetrics).toBeGreaterThan(0);
    expect(new Set(named.metrics.map((m: { dimensions: Record<string, string> }) => m.dimensions.ClusterName))).toEqual(new Set(['blue']));
  });

  it('reads EMF events from stdin and OpenMetrics with --scrape-format', async () => {
    const events = readFileSync(join(repo, 'test/fixtures/emf/emf-events.jsonl'), 'utf8');
    const fromStdin = await runCli(['metrics', '--emf', '-', '--format', 'json'], { cwd: repo, stdin: events });
    expect(JSON.parse(fromStdin.stdout).summary.customMetrics).toBe(196);
    const om = '# TYPE jobs counter\njobs_total 1\n# EOF\n';
    const asOpenMetrics = await runCli(['metrics', '--config', config, '--scrape', '-', '--scrape-format', 'openmetrics', '--format', 'json'], { cwd: repo, stdin: om });
    expect(JSON.parse(asOpenMetrics.stdout).summary.byMetricName.jobs_total).toBe(1);
    const asText = await runCli(['metrics', '--config', config, '--scrape', '-', '--scrape-format', 'text', '--format', 'json'], { cwd: repo, stdin: '# EOF\nm{a="1"} 1 # {b="2"} 1\n' });
    expect(asText.exitCode).toBe(2);
    expect(asText.stderr).toMatch(/^error: <stdin>:2:\d+: invalid Prometheus text exposition/);
  });

  it('uses the project config collector when --config is absent', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cwdash-metrics-'));
    await writeFile(
      join(dir, 'cwdash.config.ts'),
      `export default { collectors: [{ config: ${JSON.stringify(join(repo, config))}, scrape: ${JSON.stringify(join(repo, scrape))}, collectorVersion: '0.17.0', replicas: 3 }] };\n`,
    );
    const result = await runCli(['metrics', '--format', 'json'], { cwd: dir });
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ collectorVersion: '0.17.0', assumptions: { replicas: 3, replicasMultiplyMetrics: false }, summary: { customMetrics: 144 } });
    expect(result.stderr).toMatch(/3 replicas send the same metric identities/);
  });
});

describe('cwdash metrics --scrape-url (loopback)', () => {
  let server: Server;
  let base: string;
  const openMetrics = '# TYPE jobs counter\njobs_total{queue="a"} 1\njobs_created{queue="a"} 1.7e9\n# EOF\n';

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/metrics') {
        response.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
        response.end(scrapeText);
      } else if (request.url === '/om') {
        response.writeHead(200, { 'Content-Type': 'application/openmetrics-text; version=1.0.0; charset=utf-8' });
        response.end(openMetrics);
      } else if (request.url === '/om-as-text') {
        response.writeHead(200, { 'Content-Type': 'text/plain' });
        response.end('m_total 1 # {a="b"} 1\n');
      } else {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches and predicts like the file', async () => {
    const result = await runCli(['metrics', '--config', config, '--scrape-url', `${base}/metrics`, '--format', 'json'], { cwd: repo });
    expect(JSON.parse(result.stdout).summary.customMetrics).toBe(144);
  });

  it('picks the grammar from the Content-Type', async () => {
    const om = await runCli(['metrics', '--config', config, '--scrape-url', `${base}/om`, '--format', 'json'], { cwd: repo });
    expect(om.exitCode).toBe(0);
    // NEW collectors read _created as a start time: jobs_total with {queue} → full + zero rollup (+ single equals full).
    expect(JSON.parse(om.stdout).summary.byMetricName).toMatchObject({ jobs_total: 2 });
    const text = await runCli(['metrics', '--config', config, '--scrape-url', `${base}/om-as-text`], { cwd: repo });
    expect(text.exitCode).toBe(2);
    expect(text.stderr).toContain(`${base}/om-as-text:1:`);
  });

  it('names an HTTP failure', async () => {
    const result = await runCli(['metrics', '--config', config, '--scrape-url', `${base}/nope`], { cwd: repo });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('returned HTTP 404');
  });
});
