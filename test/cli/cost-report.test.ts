import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { costReportSchema } from '../../src/analysis/report/cost-report-schema.js';
import { metricKey, type MetricIdentity } from '../../src/model/metric-identity.js';
import { FAKE_CREDENTIALS_ENV, useFakeCloudWatch } from '../support/fake-cloudwatch-server.js';
import { runCli } from '../support/run-cli.js';
import { CONFIG, ENV, NS, OTEL_LIB, SCRAPE } from '../support/task-service-example.js';


/** A dashboard that reads the latency per route (a SEARCH) and the process CPU (one metric row). */
const DASHBOARD = {
  widgets: [
    {
      type: 'metric',
      x: 0,
      y: 0,
      width: 12,
      height: 6,
      properties: {
        region: 'us-east-1',
        title: 'latency by route',
        metrics: [[{ expression: `SEARCH('{${NS},OTelLib,route} MetricName="http_request_duration_seconds"', 'Average', 60)`, id: 'e1' }]],
      },
    },
    {
      type: 'metric',
      x: 12,
      y: 0,
      width: 12,
      height: 6,
      properties: { region: 'us-east-1', title: 'cpu', metrics: [[NS, 'process_cpu_user_seconds_total', 'OTelLib', OTEL_LIB]] },
    },
  ],
};

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), 'cwdash-cost-report-'));
  writeFileSync(join(dir, 'task-service.json'), JSON.stringify(DASHBOARD));
  return dir;
}

const baseArgs = (dir: string) => ['cost-report', '--config', CONFIG, '--scrape', SCRAPE, '--dashboards', join(dir, 'task-service.json'), '--region', 'us-east-1'];

describe('cwdash cost-report on the bundled task-service example', () => {
  test('lists the unused metrics with costs checkable by hand from the pricing spec', async () => {
    const dir = workspace();
    const result = await runCli([...baseArgs(dir), '--format', 'json'], { cwd: dir, env: ENV });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    // Hand calculation. docs/sources.md#awsemf, ADOT 0.49 defaults (ZeroAndSingleDimensionRollup, OTelLib on every metric):
    // 3 HTTP histograms × 21 (1 zero + 8 series + 12 pairs) + 3 heap-space gauges × 10 + active_resources 4
    // + active_handles 3 + gc_duration 3 + version_info 6 + app_version 6 + 26 unlabeled = 144 custom metrics.
    // The dashboard reads 5 of them through the SEARCH ({OTelLib,route}: one per route) and 1 by its row: 6 read.
    // docs/sources.md#pricing: first 10,000 metrics at $0.30 per metric-month, no free tier by default.
    expect(report.totals).toMatchObject({ customMetrics: 144, unusedMetrics: 138, dashboards: 1 });
    expect(report.totals.customMetricsMonthlyUSD).toBe('43.20'); // 144 × $0.30
    expect(report.totals.unusedMonthlyUSD).toBe('41.40'); // 138 × $0.30
    // EMF is billed as logs too (docs/sources.md#pricing): us-east-1 ingestion $0.50/GB, storage $0.03/GB-month on the
    // 15% compressed archive, priced in the 12th month of a log group that never expires (log_retention 0).
    const gb = report.collectors[0].emfLogsGBPerMonth;
    expect(gb).toBeGreaterThan(1.5); // ≈ 19.7 KB per scrape × 86,400 scrapes (docs/sources.md#awsemf)
    expect(gb).toBeLessThan(1.7);
    expect(Number(report.totals.emfLogsMonthlyUSD)).toBeCloseTo(gb * 0.5 + gb * 0.15 * 12 * 0.03, 2);
    // Money is cents as decimal strings; the parts add up to the total exactly (+ one $3 dashboard).
    expect(report.totals.monthlyUSD).toBe((4320 + 300 + Math.round(Number(report.totals.emfLogsMonthlyUSD) * 100)) / 100 + '');
    const latency = report.findings.find((f: { rule: string; message: string }) => f.rule === 'unused-metric' && f.message.startsWith('http_request_duration_seconds '));
    expect(latency.message).toBe(`http_request_duration_seconds (${NS}): 16 of 21 CloudWatch metrics are read by nothing consulted, $4.80/month` +
      ' (consulted: cwdash dashboards, AWS consoles; not given: alarms, Grafana dashboards, CloudTrail metric reads, account readers, allow-list)');
    expect(latency.savingUSD).toBe('4.80');
    const size = report.findings.find((f: { message: string }) => f.message.startsWith('http_request_size_bytes '));
    expect(size).toMatchObject({ rule: 'unused-metric', severity: 'warning', monthlyUSD: '6.30' });
    expect(size.metrics).toHaveLength(21);
    expect(report.prices).toEqual([expect.objectContaining({ region: 'us-east-1', source: 'snapshot', date: '2026-11-24' })]);
    expect(report.assumptions.join('\n')).toMatch(/ADOT collector 0\.50\.0 .*1 replica.*prod\/task-service every 30 s/);
    expect(report.collectors[0]).toMatchObject({ config: expect.stringMatching(/otel-config\.yaml$/), metrics: 144, unreadMetrics: 138 });
  });

  test('--write-fix writes a new file that keeps every read metric; `cwdash metrics` on it gives the "after" count', async () => {
    const dir = workspace();
    const result = await runCli([...baseArgs(dir), '--format', 'json', '--write-fix', 'fixed'], { cwd: dir, env: ENV });
    expect(result.exitCode).toBe(0);
    const fixed = join(dir, 'fixed/otel-config.cwdash-fix.yaml');
    expect(result.stderr).toContain('wrote the fixed collector config fixed/otel-config.cwdash-fix.yaml');
    const text = readFileSync(fixed, 'utf8');
    expect(text).toContain('# The task-service sidecar collector'); // the user's comments are kept
    expect(text).toContain('region: ${env:AWS_REGION:-ap-northeast-1}');
    expect(text).toContain('dimension_rollup_option: NoDimensionRollup');
    expect(readFileSync(CONFIG, 'utf8')).not.toContain('metric_declarations'); // the original is untouched
    expect(costReportSchema.safeParse(JSON.parse(result.stdout)).error?.issues).toBeUndefined();
    const fix = JSON.parse(result.stdout).collectors[0].fix;
    expect(fix).toMatchObject({ file: 'fixed/otel-config.cwdash-fix.yaml', before: { metrics: 144 }, after: { metrics: 6 }, lostReads: [] });
    expect(fix.after.monthlyUSD).toBe('1.80');

    // `cwdash metrics` on the fixed file gives the "after" count, and keeps every metric the dashboard reads.
    const metrics = await runCli(['metrics', '--config', fixed, '--scrape', SCRAPE, '--format', 'json'], { cwd: dir, env: ENV });
    expect(metrics.exitCode, metrics.stderr).toBe(0);
    const after = JSON.parse(metrics.stdout) as { metrics: MetricIdentity[]; summary: { customMetrics: number } };
    expect(after.summary.customMetrics).toBe(fix.after.metrics);
    const kept = new Set(after.metrics.map(metricKey));
    const routes = ['/boom', '/health', '/tasks', '/tasks/:id', 'N/A'];
    for (const route of routes) {
      expect(kept.has(metricKey({ namespace: NS, metricName: 'http_request_duration_seconds', dimensions: { OTelLib: OTEL_LIB, route } }))).toBe(true);
    }
    expect(kept.has(metricKey({ namespace: NS, metricName: 'process_cpu_user_seconds_total', dimensions: { OTelLib: OTEL_LIB } }))).toBe(true);

    // Never over an existing file without --force.
    const again = await runCli([...baseArgs(dir), '--write-fix', 'fixed'], { cwd: dir, env: ENV });
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/file already exists[\s\S]*--force/);
    expect((await runCli([...baseArgs(dir), '--write-fix', 'fixed', '--force'], { cwd: dir, env: ENV })).exitCode).toBe(0);
  });

  test('--write-fix mirrors the config\'s path below the working directory, so two otel-config.yaml stay apart', async () => {
    const dir = workspace();
    for (const service of ['a', 'b']) {
      mkdirSync(join(dir, service));
      copyFileSync(CONFIG, join(dir, service, 'otel-config.yaml'));
    }
    const result = await runCli(
      ['cost-report', '--collector', `config=a/otel-config.yaml,scrape=${SCRAPE}`, '--config', 'b/otel-config.yaml', '--dashboards', 'task-service.json', '--write-fix', '.', '--allow-drop-all', '--format', 'json'],
      { cwd: dir, env: ENV },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.collectors.map((collector: { fix: { file: string } }) => collector.fix.file)).toEqual([
      'a/otel-config.cwdash-fix.yaml',
      'b/otel-config.cwdash-fix.yaml',
    ]);
    expect(existsSync(join(dir, 'a/otel-config.cwdash-fix.yaml')) && existsSync(join(dir, 'b/otel-config.cwdash-fix.yaml'))).toBe(true);
    expect(readFileSync(join(dir, 'a/otel-config.yaml'), 'utf8')).toBe(readFileSync(CONFIG, 'utf8'));
  });

  test('every format renders; --out writes atomically and refuses to overwrite', async () => {
    const dir = workspace();
    for (const format of ['table', 'markdown', 'html', 'sarif']) {
      const result = await runCli([...baseArgs(dir), '--format', format, '--out', `report.${format}`], { cwd: dir, env: ENV });
      expect(result.exitCode, `${format}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toBe('');
      expect(readFileSync(join(dir, `report.${format}`), 'utf8').length).toBeGreaterThan(500);
    }
    expect(readFileSync(join(dir, 'report.table'), 'utf8')).toMatch(/custom metrics +144 +\$43\.20/);
    // Same input, same bytes.
    const again = await runCli([...baseArgs(dir), '--format', 'json'], { cwd: dir, env: ENV });
    expect((await runCli([...baseArgs(dir), '--format', 'json'], { cwd: dir, env: ENV })).stdout).toBe(again.stdout);
    const clash = await runCli([...baseArgs(dir), '--out', 'report.table'], { cwd: dir, env: ENV });
    expect(clash.exitCode).toBe(2);
  });

  test('with no arguments it reports on the bundled examples', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-empty-'));
    const result = await runCli(['cost-report', '--format', 'json'], { cwd: dir, env: ENV });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain('reporting on the bundled examples');
    const report = JSON.parse(result.stdout);
    expect(report.collectors.map((collector: { config: string }) => collector.config.replace(/.*examples\//, 'examples/'))).toEqual([
      'examples/task-service/otel-config.yaml',
      'examples/cluster/otel-config.yaml',
    ]);
    expect(report.totals.customMetrics).toBeGreaterThan(144);
    // Container Insights metrics are read by the Container Insights console: never "unused", and the fix keeps them.
    expect(report.collectors[1]).toMatchObject({ unreadMetrics: 0 });
    expect(report.collectors[1].fix.after.metrics).toBe(report.collectors[1].metrics);
    expect(report.assumptions.join('\n')).toContain('count as read by the Container Insights console');
  });

  test('the bundled ADOT 0.17 example: its fix loses no metric the bundled dashboards read (a name filter, since 0.17 cannot declare [])', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-bundled-'));
    const result = await runCli(['cost-report', '--format', 'json', '--write-fix', 'fixed'], { cwd: dir, env: ENV });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const fix = report.collectors[0].fix;
    expect(report.collectors[0].unreadMetrics).toBeLessThan(report.collectors[0].metrics);
    expect(fix.lostReads).toEqual([]);
    expect(fix.after.metrics).toBeLessThan(fix.before.metrics);
    const fixed = join(dir, fix.file);
    expect(readFileSync(fixed, 'utf8')).toMatch(/filter\/cwdash-unread|metric_declarations/);
    const metrics = await runCli(['metrics', '--config', fixed, '--scrape', SCRAPE, '--collector-version', '0.17.0', '--format', 'json'], { cwd: dir, env: ENV });
    expect(metrics.exitCode, metrics.stderr).toBe(0);
    expect(JSON.parse(metrics.stdout).summary.customMetrics).toBe(fix.after.metrics);
  });

  test('cwdash.config.ts supplies collectors, rules, allow-list and budget; flags win over it', async () => {
    const dir = workspace();
    writeFileSync(
      join(dir, 'cwdash.config.ts'),
      `export default ${JSON.stringify({
        collectors: [{ config: CONFIG, scrape: SCRAPE }],
        dashboardsDir: '.',
        region: 'us-east-1',
        rulesFile: 'rules.yaml',
        allowListFile: 'keep.yaml',
        budgetUSD: 1,
      })};\n`,
    );
    writeFileSync(join(dir, 'rules.yaml'), 'version: 1\nrules:\n  rollup-duplicates: { enabled: false }\n');
    writeFileSync(
      join(dir, 'keep.yaml'),
      `version: 1\nkeep:\n  - namespace: ${NS}\n    metricName: http_request_size_bytes\n    reason: capacity planning\n`,
    );
    const result = await runCli(['cost-report', '--format', 'json', '--dashboards', join(dir, 'task-service.json')], { cwd: dir, env: ENV });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    const rules = new Set(report.findings.map((finding: { rule: string }) => finding.rule));
    expect(rules.has('budget')).toBe(true);
    expect(rules.has('rollup-duplicates')).toBe(false);
    expect(report.totals.unusedMetrics).toBe(138 - 21);
    expect(report.usage.allowListEntries).toBe(1);
    const flagged = await runCli(['cost-report', '--format', 'json', '--budget', '1000', '--dashboards', join(dir, 'task-service.json')], { cwd: dir, env: ENV });
    expect(JSON.parse(flagged.stdout).findings.some((finding: { rule: string }) => finding.rule === 'budget')).toBe(false);
  });

  test('bad input: a clear message naming the file, exit 2, no stack trace', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'alarms.json'), '{"MetricAlarms": [{"Namespace": 1}]}');
    const alarms = await runCli([...baseArgs(dir), '--alarms', 'alarms.json'], { cwd: dir, env: ENV });
    expect(alarms.exitCode).toBe(2);
    expect(alarms.stderr).toMatch(/alarms\.json: \/MetricAlarms\/0\/AlarmName: invalid alarms file/);
    expect(alarms.stderr).not.toMatch(/\n\s+at /);
    const missing = await runCli(['cost-report', '--config', join(dir, 'nope.yaml'), '--no-usage'], { cwd: dir, env: ENV });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/nope\.yaml: collector config not found/);
    const orphan = await runCli(['cost-report', '--scrape', SCRAPE], { cwd: dir, env: ENV });
    expect(orphan.exitCode).toBe(2);
    const both = await runCli(['cost-report', '--account', '--config', CONFIG], { cwd: dir, env: ENV });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('--account reports on the metrics the account has');
    expect(existsSync(join(dir, 'fixed'))).toBe(false);
  });
});

describe('cwdash cost-report --account', () => {
  const cloudWatch = useFakeCloudWatch();

  test('reads the account\'s custom metrics, dashboards and alarms over the CloudWatch wire protocol', async () => {
    const fake = cloudWatch();
    fake.metrics = [
      { Namespace: NS, MetricName: 'http_requests_total', Dimensions: [{ Name: 'route', Value: '/tasks' }] },
      { Namespace: NS, MetricName: 'http_requests_total', Dimensions: [{ Name: 'route', Value: '/users' }] },
      { Namespace: NS, MetricName: 'queue_depth' },
      { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization', Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }] },
    ];
    fake.putDashboardOutside('live', { widgets: [{ type: 'metric', properties: { region: 'us-east-1', metrics: [[NS, 'http_requests_total', 'route', '/tasks']] } }] });
    fake.metricAlarms = [{ AlarmName: 'depth', Namespace: NS, MetricName: 'queue_depth', Dimensions: [] }];
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-account-'));
    const result = await runCli(['cost-report', '--account', '--endpoint-url', fake.url, '--format', 'json'], {
      cwd: dir,
      env: { ...ENV, ...FAKE_CREDENTIALS_ENV },
    });
    expect(result.exitCode, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.totals).toMatchObject({ customMetrics: 3, unusedMetrics: 1, dashboards: 1 });
    expect(report.usage).toMatchObject({ dashboards: 1, alarms: 1 });
    const unused = report.findings.filter((finding: { rule: string }) => finding.rule === 'unused-metric');
    expect(unused.map((finding: { metrics: unknown[] }) => finding.metrics)).toEqual([[{ namespace: NS, metricName: 'http_requests_total', dimensions: { route: '/users' } }]]);
    expect(unused[0].fix).toBe('stop publishing http_requests_total, or add it to the allow-list with the reason it is kept');
    expect(fake.calls.map((call) => call.operation)).toEqual(expect.arrayContaining(['ListMetrics', 'ListDashboards', 'GetDashboard', 'DescribeAlarms']));
  });

  test('prints its retries like the other account commands', async () => {
    const fake = cloudWatch();
    fake.inject({ operation: 'ListMetrics', kind: 'throttle', times: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-account-'));
    const result = await runCli(['cost-report', '--account', '--endpoint-url', fake.url, '--format', 'json'], { cwd: dir, env: { ...ENV, ...FAKE_CREDENTIALS_ENV } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/CloudWatch is throttling ListMetrics; retrying in \d+\.\ds \(attempt 2 of 8\)/);
  });
});
