/**
 * cost-report for a collector that sends OTLP: the series PromQL reads (here the OTLP service blueprint's charts)
 * count as read; the rest are reported as unread with their bytes. Classic metrics are not read by PromQL.
 */
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { costReportSchema } from '../../src/analysis/report/cost-report-schema.js';
import { tempProject } from '../sources/definitions/temp-project.js';
import { runCli } from '../support/run-cli.js';
import { ENV, ROOT } from '../support/task-service-example.js';

const OTLP = ['--config', join(ROOT, 'examples/task-service-otlp/otel-config.yaml'), '--scrape', join(ROOT, 'examples/task-service-otlp/metrics.txt')];
const definition = (exporter: 'otlp' | 'awsemf') => `import { nodeServiceDashboard } from 'cwdash';
export default nodeServiceDashboard({ namespace: 'prod/task-service', service: 'task-service', region: 'us-east-1', exporter: '${exporter}' });
`;

async function report(definitionText: string) {
  const dir = await tempProject({ 'dashboards/service.ts': definitionText });
  const result = await runCli(['cost-report', ...OTLP, '--dashboards', join(dir, 'dashboards'), '--region', 'us-east-1', '--format', 'json'], { env: { ...ENV, AWS_REGION: 'us-east-1' } });
  expect(result.stderr).not.toMatch(/error/);
  return costReportSchema.parse(JSON.parse(result.stdout));
}

async function otlpCost(exporter: 'otlp' | 'awsemf') {
  return (await report(definition(exporter))).collectors[0]!.otlp!;
}

describe('cost-report: OTLP series read by PromQL', () => {
  test("the PromQL dashboard's selectors read part of the series; the others are unread, with their bytes", async () => {
    const otlp = await otlpCost('otlp');
    expect(otlp.series).toBe(89);
    expect(otlp.unreadSeries).toBeGreaterThan(0);
    expect(otlp.unreadSeries).toBeLessThan(otlp.series);
    expect(otlp.unreadBytesPerMonth).toBeGreaterThan(0);
    expect(otlp.unreadBytesPerMonth).toBeLessThan(otlp.bytesPerMonth);
  });

  test('a Classic dashboard of the same names reads no OTLP series', async () => {
    const otlp = await otlpCost('awsemf');
    expect(otlp.unreadSeries).toBe(otlp.series);
    // Within rounding, the unread bytes are all the bytes.
    expect(Math.abs(otlp.unreadBytesPerMonth! - otlp.bytesPerMonth) / otlp.bytesPerMonth).toBeLessThan(0.01);
  });
});

test('a PromQL selector of a service the collectors send that finds no series is a dashboard-missing-metric finding', async () => {
  const mistaken = `import { ChartWidget, Dashboard } from 'cwdash';
export default new Dashboard({ dashboardName: 'mistaken', region: 'us-east-1', widgets: [
  new ChartWidget({ title: 'Requests/s', queries: [{ id: 'r', query: 'sum(rate(http_request_duration_seconds_count{"@resource.service.name"="prod/task-service"}[5m]))' }] }),
  new ChartWidget({ title: 'Another team', queries: [{ id: 'o', query: 'sum(rate(checkout_total{"@resource.service.name"="shop/checkout"}[5m]))' }] }),
] });
`;
  const json = await report(mistaken);
  const findings = json.findings.filter((finding) => finding.rule === 'dashboard-missing-metric');
  expect(findings.map((finding) => [finding.message, finding.fix])).toEqual([
    [
      'dashboard mistaken /widgets/0/properties/data/queries/0/query reads http_request_duration_seconds_count{"@resource.service.name"="prod/task-service"}, which finds none of the OTLP series the collectors send: the chart stays empty',
      'fix the metric name or labels in the PromQL query (over OTLP a histogram is one series: no _bucket, _count or _sum)',
    ],
  ]);
  expect((await report(definition('otlp'))).findings.filter((finding) => finding.rule === 'dashboard-missing-metric')).toEqual([]);
});
