/** `cwdash usage`, and the other usage sources in `cwdash cost-report`: what counts as read, said in the report. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch } from '../support/fake-cloudwatch-server.js';
import { runCli } from '../support/run-cli.js';
import { CONFIG, ENV, NS, OTEL_LIB, SCRAPE } from '../support/task-service-example.js';

const FIXTURES = resolve(import.meta.dirname, '../fixtures');
const GRAFANA = join(FIXTURES, 'grafana');
const CLOUDTRAIL = join(FIXTURES, 'cloudtrail/aws-doc-records.json');

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'cwdash-usage-cli-'));
}

describe('cwdash usage', () => {
  test('--format json: one row per distinct pattern, sorted, with the evidence of every source that reads it', async () => {
    const result = await runCli(['usage', '--grafana', GRAFANA, '--cloudtrail', CLOUDTRAIL, '--format', 'json'], { cwd: FIXTURES });
    expect(result.exitCode, result.stderr).toBe(0);
    const listing = JSON.parse(result.stdout);
    expect(listing.schemaVersion).toBe(1);
    expect(listing.problems).toEqual([]);
    const keys = listing.reads.map((row: { namespace: string; metricName: string }) => `${row.namespace} ${row.metricName}`);
    expect(keys).toEqual([...keys].sort());
    expect(listing.reads.find((row: { metricName: string }) => row.metricName === 'DaysToExpiry')).toEqual({
      namespace: 'AWS/CertificateManager',
      metricName: 'DaysToExpiry',
      dimensions: { CertificateArn: '*' },
      exactDimensions: true,
      terms: [],
      region: '*',
      account: null,
      evidence: [0, 1].map((panel) => ({
        source: 'grafana',
        name: panel === 0 ? 'AWS ACM / ACM DaysToExpire' : 'AWS ACM / ACM',
        file: 'grafana/community-aws-acm.json',
        where: `/panels/${panel}/targets/0`,
        notes: [
          'data source not named in the file: read as CloudWatch from the query fields',
          '$region: any value (regions() is queried when the dashboard is viewed)',
          '$CertificateArn: any value (dimension_values($region,AWS/CertificateManager,DaysToExpiry,CertificateArn) is queried when the dashboard is viewed)',
        ],
      })),
    });
    expect(listing.reads.find((row: { namespace: string }) => row.namespace === 'CWAgent')).toMatchObject({
      dimensions: { LoadBalancerName: ['EXAMPLE4623a5cb6a7384c5229'] },
      region: 'us-east-1',
      evidence: [{ source: 'cloudtrail', principal: 'arn:aws:iam::111122223333:user/admin', lastSeen: '2024-05-08T16:20:34.000Z', where: 'GetMetricData' }],
    });
    const again = await runCli(['usage', '--grafana', GRAFANA, '--cloudtrail', CLOUDTRAIL, '--format', 'json'], { cwd: FIXTURES });
    expect(again.stdout).toBe(result.stdout);
  });

  test('a broken file is a problem with its line; the rest still comes out (exit 0); a missing path is exit 2', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'Lambda.json'), readFileSync(join(GRAFANA, 'grafana-bundled-Lambda.json')));
    writeFileSync(join(dir, 'broken.json'), '{\n  "panels": [\n    nope\n  ]\n}\n');
    const result = await runCli(['usage', '--grafana', '.', '--format', 'json'], { cwd: dir });
    expect(result.exitCode, result.stderr).toBe(0);
    const listing = JSON.parse(result.stdout);
    expect(listing.reads.filter((row: { namespace: string }) => row.namespace === 'AWS/Lambda')).toHaveLength(4);
    expect(listing.problems).toEqual([{ source: 'grafana', file: 'broken.json', line: 3, message: "not valid JSON: Unexpected token 'o'" }]);
    const table = await runCli(['usage', '--grafana', '.'], { cwd: dir });
    expect(table.stdout).toContain('Problems (these inputs were read only in part):\n- broken.json:3: not valid JSON');
    expect(table.stdout).toContain('- Grafana dashboards: 2 files, 4 CloudWatch targets');
    expect(table.stdout).toContain('- CloudTrail metric reads: not given (--cloudtrail DIR|FILE)');
    const missing = await runCli(['usage', '--grafana', 'nowhere'], { cwd: dir });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nowhere');
  });

  test('--read-within counts from --date; a malformed duration is exit 2', async () => {
    const recent = await runCli(['usage', '--cloudtrail', CLOUDTRAIL, '--read-within', '30d', '--date', '2024-05-20', '--format', 'json'], { cwd: FIXTURES });
    expect(JSON.parse(recent.stdout).reads.some((row: { namespace: string }) => row.namespace === 'CWAgent')).toBe(true);
    const stale = await runCli(['usage', '--cloudtrail', CLOUDTRAIL, '--read-within', '30d', '--date', '2026-12-01', '--format', 'json'], { cwd: FIXTURES });
    expect(JSON.parse(stale.stdout).reads.some((row: { namespace: string }) => row.namespace === 'CWAgent')).toBe(false);
    const bad = await runCli(['usage', '--cloudtrail', CLOUDTRAIL, '--read-within', 'a month'], { cwd: FIXTURES });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('--read-within "a month" is not a number of days');
  });

  const cloudWatch = useFakeCloudWatch();

  test('--account: metric streams, anomaly detectors, and a monitoring dashboard reading another account', async () => {
    const fake = cloudWatch();
    fake.metricAlarms = [{ AlarmName: 'own', AlarmArn: 'arn:aws:cloudwatch:us-east-1:111122223333:alarm:own', Namespace: NS, MetricName: 'queue_depth', Dimensions: [] }];
    fake.metricStreams = [{ Arn: 'arn:aws:cloudwatch:us-east-1:111122223333:metric-stream/s', Name: 's', State: 'running', IncludeFilters: [{ Namespace: NS }] }];
    fake.anomalyDetectors = [{ SingleMetricAnomalyDetector: { Namespace: NS, MetricName: 'latency', Dimensions: [], Stat: 'p99' } }];
    fake.putDashboardOutside('monitoring', {
      widgets: [{ type: 'metric', properties: { region: 'us-east-1', accountId: '999988887777', metrics: [[NS, 'remote_metric']] } }],
    });
    const result = await runCli(['usage', '--account', '--endpoint-url', fake.url, '--region', 'us-east-1', '--format', 'json'], { cwd: workspace(), env: FAKE_CREDENTIALS_ENV });
    expect(result.exitCode, result.stderr).toBe(0);
    const rows = JSON.parse(result.stdout).reads as { namespace: string; metricName: string; account: string | null; evidence: { source: string }[] }[];
    const row = (metricName: string) => rows.find((candidate) => candidate.namespace === NS && candidate.metricName === metricName);
    expect(row('*')?.evidence.map((item) => item.source)).toEqual(['metric-stream']);
    expect(row('latency')?.evidence.map((item) => item.source)).toEqual(['anomaly-detector']);
    expect(row('queue_depth')?.evidence.map((item) => item.source)).toEqual(['alarm']);
    expect(row('remote_metric')?.account).toBe('999988887777');
  });
});

describe('cost-report with Grafana and CloudTrail', () => {
  /** A Grafana panel that reads every http_request_size_bytes metric (a Builder target without matchExact). */
  function grafanaFolder(dir: string): void {
    mkdirSync(join(dir, 'grafana'));
    writeFileSync(
      join(dir, 'grafana/task-service.json'),
      JSON.stringify({
        title: 'task service',
        templating: { list: [{ type: 'query', name: 'route', refresh: 1, definition: 'dimension_values(default, prod/task-service, http_request_size_bytes, route)' }] },
        panels: [
          {
            type: 'timeseries',
            title: 'request size',
            datasource: { type: 'cloudwatch', uid: 'cw' },
            targets: [{ refId: 'A', region: 'default', namespace: NS, metricName: 'http_request_size_bytes', statistic: 'Average', matchExact: false, dimensions: { route: '$route' } }],
          },
        ],
      }),
    );
  }

  test('a metric only a Grafana wildcard reads is kept by --write-fix, and the finding and its status say so', async () => {
    const dir = workspace();
    grafanaFolder(dir);
    const args = ['cost-report', '--config', CONFIG, '--scrape', SCRAPE, '--region', 'us-east-1', '--grafana', 'grafana', '--grafana-default-region', 'us-east-1'];
    const result = await runCli([...args, '--format', 'json', '--write-fix', 'fixed'], { cwd: dir, env: ENV });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    // matchExact false with route: every set that has a route (and any other dimensions), none without one.
    const all = report.metrics.filter((metric: { metricName: string }) => metric.metricName === 'http_request_size_bytes');
    const sizes = all.filter((metric: { dimensions: object }) => 'route' in metric.dimensions);
    expect(sizes.length).toBe(13);
    expect(new Set(sizes.map((metric: { status: string }) => metric.status))).toEqual(new Set(['read-by-wildcard']));
    expect(new Set(all.filter((metric: { dimensions: object }) => !('route' in metric.dimensions)).map((metric: { status: string }) => metric.status))).toEqual(new Set(['unread']));
    expect(sizes[0].readers[0]).toMatchObject({ source: 'grafana', name: 'task service / request size', file: 'grafana/task-service.json', where: '/panels/0/targets/0' });
    const unused = report.findings.find((finding: { rule: string; message: string }) => finding.rule === 'unused-metric' && finding.message.startsWith('http_request_size_bytes'));
    expect(unused.metrics).toHaveLength(all.length - sizes.length);
    const wildcard = report.findings.find((finding: { rule: string }) => finding.rule === 'read-only-by-wildcard');
    expect(wildcard.message).toContain('http_request_size_bytes (prod/task-service)');
    expect(wildcard.message).toContain('grafana task service / request size ($route: any value');
    // The fixed config still makes every metric the Grafana wildcard reads.
    expect(report.collectors[0].fix).toMatchObject({ file: 'fixed/otel-config.cwdash-fix.yaml', lostReads: [] });
    const metrics = await runCli(['metrics', '--config', join(dir, 'fixed/otel-config.cwdash-fix.yaml'), '--scrape', SCRAPE, '--format', 'json'], { cwd: dir, env: ENV });
    expect(metrics.exitCode, metrics.stderr).toBe(0);
    const after = JSON.parse(metrics.stdout) as { metrics: { metricName: string }[] };
    expect(after.metrics.filter((metric) => metric.metricName === 'http_request_size_bytes')).toHaveLength(sizes.length);
    expect(report.assumptions).toEqual(
      expect.arrayContaining([
        'usage source Grafana dashboards: 1 file, 1 CloudWatch target',
        'usage source CloudTrail metric reads: not given (--cloudtrail DIR|FILE)',
        'usage source account readers: not given (--account)',
      ]),
    );
    const html = await runCli([...args, '--format', 'html'], { cwd: dir, env: ENV });
    expect(html.stdout).toContain('<h2>Who reads each metric</h2>');
    expect(html.stdout).toContain('grafana task service / request size (grafana/task-service.json /panels/0/targets/0)');
  });

  test('CloudTrail reads count as readers, with the principal and the last time seen', async () => {
    const dir = workspace();
    const record = {
      eventSource: 'monitoring.amazonaws.com',
      eventName: 'GetMetricStatistics',
      eventTime: '2026-11-20T08:00:00Z',
      awsRegion: 'us-east-1',
      userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/slo-job/i-0abc' },
      requestParameters: { namespace: NS, metricName: 'process_cpu_user_seconds_total', dimensions: [{ name: 'OTelLib', value: OTEL_LIB }], statistics: ['Average'] },
    };
    writeFileSync(join(dir, 'trail.json'), JSON.stringify({ Records: [record] }));
    const result = await runCli(['cost-report', '--config', CONFIG, '--scrape', SCRAPE, '--region', 'us-east-1', '--cloudtrail', 'trail.json', '--format', 'json'], { cwd: dir, env: ENV });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const cpu = report.metrics.find((metric: { metricName: string; dimensions: object }) => metric.metricName === 'process_cpu_user_seconds_total' && Object.keys(metric.dimensions).length === 1);
    expect(cpu).toMatchObject({
      status: 'read',
      readers: [{ source: 'cloudtrail', principal: 'arn:aws:sts::111122223333:assumed-role/slo-job', lastSeen: '2026-11-20T08:00:00.000Z', where: 'GetMetricStatistics' }],
    });
    expect(report.usage.sources.map((source: { label: string; given: boolean }) => `${source.label}:${source.given}`)).toEqual([
      'cwdash dashboards:false',
      'alarms:false',
      'Grafana dashboards:false',
      'CloudTrail metric reads:true',
      'account readers:false',
      'AWS consoles:true',
      'allow-list:false',
    ]);
  });
});

describe('cwdash usage and the region rule', () => {
  test('dashboards need a region by the one rule (no silent us-east-1); the environment or --region gives it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-usage-region-'));
    writeFileSync(join(dir, 'board.json'), JSON.stringify({ widgets: [{ type: 'metric', properties: { metrics: [['App', 'Requests']] } }] }));
    const env = { HOME: dir, AWS_CONFIG_FILE: join(dir, 'none') };
    const none = await runCli(['usage', '--dashboards', 'board.json'], { cwd: dir, env });
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('no AWS region');
    const fromEnv = await runCli(['usage', '--dashboards', 'board.json', '--format', 'json'], { cwd: dir, env: { ...env, AWS_REGION: 'eu-west-1' } });
    expect(fromEnv.exitCode).toBe(0);
    expect(JSON.parse(fromEnv.stdout).reads.length).toBeGreaterThan(0);
  });
});
