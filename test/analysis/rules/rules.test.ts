import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadRuleSet } from '../../../src/analysis/rules/rule-file.js';
import { collector, histogramMetrics, NS, reportFor } from '../report/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'cwdash-rules-'));
const rulesFile = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const byRule = <T extends { rule: string }>(findings: readonly T[], rule: string) => findings.filter((finding) => finding.rule === rule);

describe('built-in rules', () => {
  test('unused-metric: one finding per metric name, priced at $0.30 per unread metric', async () => {
    const report = await reportFor();
    const unused = byRule(report.findings, 'unused-metric');
    // 9 metrics: 3 full sets, 1 zero + 1 method + 3 route rollups, 1 gauge. The dashboard reads {method=GET,route=/tasks}.
    expect(unused.map((finding) => [finding.message, finding.metrics.length, finding.savingUSD])).toEqual([
      [`http_request_duration_seconds (${NS}): 7 of 8 CloudWatch metrics are read by nothing consulted, $2.10/month`, 7, '2.10'],
      [`process_cpu_user_seconds_total (${NS}): its only CloudWatch metric is read by nothing consulted, $0.30/month`, 1, '0.30'],
    ]);
    expect(unused[0]!.location).toEqual(collector.exporterLocation);
    expect(unused[0]!.fingerprint).toBe(`unused-metric:${collector.config}:${NS}:http_request_duration_seconds`);
  });

  test('rollup-duplicates counts the rollup copies nobody reads', async () => {
    const [finding] = byRule((await reportFor()).findings, 'rollup-duplicates');
    expect(finding!.message).toMatch(/adds 5 zero\/single-dimension metrics; 5 of them are read by nothing/);
    expect(finding!.savingUSD).toBe('1.50');
  });

  test('high-cardinality-dimension fires past the threshold and on unbounded labels', async () => {
    const routes = Array.from({ length: 25 }, (_, i) => `/r${i}`);
    const findings = byRule((await reportFor({ metrics: histogramMetrics(routes) })).findings, 'high-cardinality-dimension');
    expect(findings.map((finding) => finding.message)).toEqual([
      `http_request_duration_seconds (${NS}): dimension "route" has 25 distinct values (more than 20), making 50 CloudWatch metrics`,
    ]);
    const user = await reportFor({ metrics: [{ identity: { namespace: NS, metricName: 'logins', dimensions: { user_id: '42' } } }] });
    expect(byRule(user.findings, 'high-cardinality-dimension')[0]!.message).toMatch(/"user_id" has 1 distinct values \(a label that grows without bound\)/);
  });

  test('resource-attribute-dimension needs resource_to_telemetry_conversion on', async () => {
    const metrics = [{ identity: { namespace: NS, metricName: 'up', dimensions: { 'service.instance.id': 'localhost:3000', job: 'x' } } }];
    expect(byRule((await reportFor({ metrics })).findings, 'resource-attribute-dimension')).toEqual([]);
    const on = { ...collector, resourceToTelemetry: { enabled: true, location: { file: collector.config, line: 25 } } };
    const report = await reportFor({ metrics, collectors: [{ facts: on, metrics }] });
    const [finding] = byRule(report.findings, 'resource-attribute-dimension');
    expect(finding!.message).toBe(`${collector.config}: resource attributes job, service.instance.id are dimensions of 1 CloudWatch metrics`);
    expect(finding!.location).toEqual({ file: collector.config, line: 25 });
  });

  test('dashboard-missing-metric: a row in our namespace that no collector produces is an error with its path', async () => {
    const body = { widgets: [{ type: 'metric', properties: { metrics: [[NS, 'http_requests_total', 'code', '500'], ['AWS/EC2', 'CPUUtilization']] } }] };
    const [finding] = byRule((await reportFor({ body })).findings, 'dashboard-missing-metric');
    expect(finding).toMatchObject({
      severity: 'error',
      message: `dashboard task-service /widgets/0/properties/metrics/0 reads ${NS} http_requests_total {code=500}, which no collector produces: the graph stays empty`,
      location: { file: 'dashboards/task-service.ts', path: '/widgets/0/properties/metrics/0' },
    });
    expect(byRule((await reportFor({ body })).findings, 'dashboard-missing-metric')).toHaveLength(1);
  });

  test('dashboard-missing-metric says how far off the row is', async () => {
    const body = {
      widgets: [{ type: 'metric', properties: { metrics: [[NS, 'http_request_duration_seconds', 'code', '500'], [NS, 'http_request_duration_seconds', 'route', '/nope']] } }],
    };
    const messages = byRule((await reportFor({ body })).findings, 'dashboard-missing-metric').map((finding) => finding.message.replace(/^.* reads /, ''));
    expect(messages).toEqual([
      `${NS} http_request_duration_seconds {code=500}, but http_request_duration_seconds is never sent with exactly the dimensions {code}: the graph stays empty`,
      `${NS} http_request_duration_seconds {route=/nope}, a dimension set that exists, but with values no scraped series has: check the value (or scrape a busier instance)`,
    ]);
  });

  test('dashboard-missing-metric names a collector-version mismatch: the same sets but for OTelLib', async () => {
    const otelLib = { OTelLib: 'prometheusreceiver' };
    const metrics = [
      { identity: { namespace: NS, metricName: 'up', dimensions: otelLib } },
      { identity: { namespace: NS, metricName: 'http_request_duration_seconds', dimensions: { ...otelLib, route: '/tasks' } } },
    ];
    const body = {
      widgets: [
        { type: 'metric', properties: { metrics: [[NS, 'up'], [{ expression: `SEARCH('{${NS},route} MetricName="http_request_duration_seconds"', 'Average', 60)` }]] } },
      ],
    };
    const messages = byRule((await reportFor({ metrics, body })).findings, 'dashboard-missing-metric').map((finding) => finding.message);
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toContain('the collector sends it with OTelLib (ADOT v0.29 and later) and the dashboard reads it without');
      expect(message).toContain('pass --collector-version, e.g. 0.17.0');
    }
    // The other way round: a dashboard for a newer collector, read against an older prediction.
    const older = [{ identity: { namespace: NS, metricName: 'up', dimensions: {} } }];
    const newer = { widgets: [{ type: 'metric', properties: { metrics: [[NS, 'up', 'OTelLib', 'prometheusreceiver']] } }] };
    const [finding] = byRule((await reportFor({ metrics: older, body: newer })).findings, 'dashboard-missing-metric');
    expect(finding!.message).toContain('the collector sends it without OTelLib, which ADOT adds from v0.29 on');
    // An unrelated dimension set says nothing about versions.
    const other = { widgets: [{ type: 'metric', properties: { metrics: [[NS, 'up', 'pod', 'a']] } }] };
    const [plain] = byRule((await reportFor({ metrics, body: other })).findings, 'dashboard-missing-metric');
    expect(plain!.message).not.toContain('collector-version');
  });

  test('dashboard-over-free-tier and budget', async () => {
    const dashboards = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, metricCount: name === 'e' ? 51 : 1 }));
    const report = await reportFor({ dashboards, budgetUSD: 10 });
    expect(byRule(report.findings, 'dashboard-over-free-tier').map((finding) => [finding.message, finding.monthlyUSD])).toEqual([
      ['5 dashboards: 2 more than the 3 the free tier covers, $6.00/month', '6.00'],
      ['dashboard e reads 51 metrics; a free-tier dashboard may reference at most 50', '3.00'],
    ]);
    // 9 metrics × $0.30 + 5 dashboards × $3 = $17.70, over a $10 budget.
    expect(byRule(report.findings, 'budget')[0]!.message).toBe('predicted $17.70/month is $7.70 over the $10.00 budget');
    expect(report.findings[0]!.rule).toBe('budget');
  });
});

describe('rule files', () => {
  test('a user file turns rules off, changes params and severity, and adds custom rules', async () => {
    const file = rulesFile(
      'mine.yaml',
      [
        'version: 1',
        'rules:',
        '  rollup-duplicates: { enabled: false }',
        '  unused-metric: { severity: error, params: { minMonthlyUSD: 1 } }',
        'custom:',
        '  - id: no-route-dimension',
        '    severity: warning',
        '    description: Metrics split by route',
        '    select: { namespace: "^prod/", dimension: route }',
        '    maxMetrics: 2',
      ].join('\n'),
    );
    const rules = await loadRuleSet(file);
    expect(rules.builtin['unused-metric']).toMatchObject({ severity: 'error', params: { minMonthlyUSD: 1 }, description: expect.any(String) });
    const report = await reportFor({ rules });
    expect(byRule(report.findings, 'rollup-duplicates')).toEqual([]);
    expect(byRule(report.findings, 'unused-metric').map((finding) => finding.metrics[0]!.metricName)).toEqual(['http_request_duration_seconds']);
    expect(byRule(report.findings, 'no-route-dimension')[0]!.message).toBe('Metrics split by route: 6 metrics (limit 2)');
    expect(report.rules.map((rule) => rule.id)).toContain('no-route-dimension');
  });

  test('mistakes name the file, line and path', async () => {
    const typo = rulesFile('typo.yaml', 'version: 1\nrules:\n  unused-metric:\n    params: { minMonthlyUsd: 1 }\n');
    await expect(loadRuleSet(typo)).rejects.toMatchObject({ location: { file: typo, line: 4, path: 'rules.unused-metric.params' } });
    const unknownRule = rulesFile('unknown.yaml', 'version: 1\nrules:\n  unused-metrics: {}\n');
    await expect(loadRuleSet(unknownRule)).rejects.toThrow(/unused-metrics/);
    const noLimit = rulesFile('nolimit.yaml', 'version: 1\ncustom:\n  - { id: x, severity: note, description: d, select: {} }\n');
    await expect(loadRuleSet(noLimit)).rejects.toThrow(/maxMetrics or maxMonthlyUSD/);
    const badRegex = rulesFile('regex.yaml', 'version: 1\ncustom:\n  - { id: x, severity: note, description: d, select: { metricName: "(" }, maxMetrics: 0 }\n');
    await expect(loadRuleSet(badRegex)).rejects.toThrow(/not a valid RE2 regular expression/);
    const clash = rulesFile('clash.yaml', 'version: 1\ncustom:\n  - { id: budget, severity: note, description: d, select: {}, maxMetrics: 0 }\n');
    await expect(loadRuleSet(clash)).rejects.toThrow(/used twice/);
  });
});
