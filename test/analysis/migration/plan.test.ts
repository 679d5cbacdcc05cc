/**
 * The migration plan's PromQL (docs/sources.md#otel-metrics): each mechanical query parses as CloudWatch's PromQL (UTF-8
 * names and labels quoted) and selects the metric name and labels the Classic read selected; what is not mechanical
 * says why.
 */
import { describe, expect, it } from 'vitest';
import { migrationPlan } from '../../../src/analysis/migration/plan.js';
import { translateStatRead } from '../../../src/analysis/migration/promql.js';
import { alarmReads } from '../../../src/analysis/usage/alarm-reads.js';
import { dashboardReads } from '../../../src/analysis/usage/dashboard-reads.js';
import type { MetricIdentity } from '../../../src/model/metric-identity.js';
import { parsePromQL } from '../../../src/model/promql/parse.js';

const OTEL_LIB = 'github.com/open-telemetry/opentelemetry-collector-contrib/receiver/prometheusreceiver';

function parsed(query: string | null) {
  expect(query).not.toBeNull();
  const result = parsePromQL(query!);
  if (!result.ok) throw new Error(`${query}: ${result.error.message}`);
  return result.selectors;
}

describe('translateStatRead', () => {
  it('a gauge Average on a rolled-up set: avg by the kept dimensions; OTelLib becomes the instrumentation scope', () => {
    const t = translateStatRead('nodejs_heap_space_size_used_bytes', { OTelLib: [OTEL_LIB], space: ['old'] }, { stat: 'Average', periodSeconds: 60 }, 'Gauge');
    expect(t).toEqual({
      promql: `avg by ("@instrumentation.@name", space) (avg_over_time(nodejs_heap_space_size_used_bytes{"@instrumentation.@name"="${OTEL_LIB}", space="old"}[1m]))`,
      mechanical: true,
    });
    const [selector] = parsed(t.promql);
    expect(selector).toMatchObject({ metricName: 'nodejs_heap_space_size_used_bytes', matchers: [{ label: '@instrumentation.@name', operator: '=', value: OTEL_LIB }, { label: 'space', operator: '=', value: 'old' }] });
  });

  it('a counter Sum is the increase of the cumulative counter; a histogram Average is histogram_avg of the rate', () => {
    expect(translateStatRead('http_requests_total', { route: ['/tasks'] }, { stat: 'Sum', periodSeconds: 300 }, 'Sum').promql)
      .toBe('sum by (route) (increase(http_requests_total{route="/tasks"}[5m]))');
    const histogram = translateStatRead('http_request_duration_seconds', { code: ['200'], method: ['GET'] }, { stat: 'Average', periodSeconds: 60 }, 'Histogram');
    expect(histogram.promql).toBe('histogram_avg(sum by (code, method) (rate(http_request_duration_seconds{code="200", method="GET"}[1m])))');
    parsed(histogram.promql);
    expect(translateStatRead('up', {}, { stat: 'Minimum', periodSeconds: 60 }, 'Gauge').promql).toBe('min(min_over_time(up[1m]))');
  });

  it('a dotted metric name and dimension are quoted; listed variable values become a regex; resource attributes are @resource.*', () => {
    const t = translateStatRead('http.server.active_requests', { 'http.route': ['/a.b', '/c'], 'service.name': ['tasks'] }, { stat: 'Maximum', periodSeconds: 120 }, 'Gauge');
    expect(t.promql).toBe('max by ("http.route", "@resource.service.name") (max_over_time({"http.server.active_requests", "http.route"=~"/a\\\\.b|/c", "@resource.service.name"="tasks"}[2m]))');
    expect(parsed(t.promql)[0]).toMatchObject({ metricName: 'http.server.active_requests' });
  });

  it('says plainly what is not mechanical: percentiles of EMF statistic sets, counter averages, summaries, unknown names', () => {
    const p99 = translateStatRead('http_request_duration_seconds', {}, { stat: 'p99', periodSeconds: 60 }, 'Histogram');
    expect(p99).toMatchObject({ promql: null, mechanical: false, note: expect.stringMatching(/^p99 of an EMF statistic set: .*histogram_quantile\(0\.99, sum\(rate\(http_request_duration_seconds\[1m\]\)\)\)$/) });
    expect(translateStatRead('process_cpu_seconds_total', {}, { stat: 'Average' }, 'Sum')).toMatchObject({ promql: null, mechanical: false });
    expect(translateStatRead('rpc_latency', {}, { stat: 'Average' }, 'Summary')).toMatchObject({ promql: null, mechanical: false });
    expect(translateStatRead('gone', {}, { stat: 'Average' }, undefined)).toMatchObject({ promql: null, note: 'gone is not among the series the collector sends over OTLP' });
  });
});

describe('migrationPlan over a dashboard and alarms', () => {
  const metrics: MetricIdentity[] = [
    { namespace: 'prod/task-service', metricName: 'http_request_duration_seconds', dimensions: { route: '/tasks' } },
    { namespace: 'prod/task-service', metricName: 'process_resident_memory_bytes', dimensions: {} },
  ];
  const types = { http_request_duration_seconds: 'Histogram', process_resident_memory_bytes: 'Gauge' } as const;
  const dashboard = dashboardReads({
    name: 'svc',
    body: {
      widgets: [
        { type: 'metric', properties: { stat: 'Average', period: 60, metrics: [['prod/task-service', 'http_request_duration_seconds', 'route', '/tasks']] } },
        { type: 'metric', properties: { metrics: [[{ expression: 'SEARCH(\'{prod/task-service,route} MetricName="http_request_duration_seconds"\', \'Average\', 60)', id: 'e1' }]] } },
        { type: 'metric', properties: { metrics: [[{ expression: 'm1 / 1048576', id: 'mb' }], ['prod/task-service', 'process_resident_memory_bytes', { id: 'm1', visible: false, stat: 'Maximum' }]] } },
      ],
    },
  }).reads;
  const alarms = alarmReads({
    MetricAlarms: [
      { AlarmName: 'memory-high', Namespace: 'prod/task-service', MetricName: 'process_resident_memory_bytes', Dimensions: [], Statistic: 'Maximum', Period: 60, Threshold: 500000000, ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 3 },
      { AlarmName: 'memory-band', Namespace: 'prod/task-service', MetricName: 'process_resident_memory_bytes', Statistic: 'Average', Period: 300, Threshold: 1, ComparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold', EvaluationPeriods: 1 },
    ],
    CompositeAlarms: [],
  }).reads;
  const plan = migrationPlan([...dashboard, ...alarms], metrics, types);

  it('lists every consumer per Classic metric, mechanical or with the reason', () => {
    expect(plan.items.map((item) => [item.metric, item.consumer.kind, item.consumer.name, item.consumer.path, item.mechanical])).toEqual([
      ['prod/task-service http_request_duration_seconds', 'dashboard', 'svc', '/widgets/0/properties/metrics/0', true],
      ['prod/task-service http_request_duration_seconds', 'dashboard', 'svc', '/widgets/1/properties/metrics/0/0/expression', false],
      ['prod/task-service process_resident_memory_bytes', 'alarm', 'memory-band', '/MetricAlarms/1', false],
      ['prod/task-service process_resident_memory_bytes', 'alarm', 'memory-high', '/MetricAlarms/0', true],
      ['prod/task-service process_resident_memory_bytes', 'dashboard', 'svc', '/widgets/2/properties/metrics/1', false],
    ]);
    expect(plan.items[0]!.promql).toBe('histogram_avg(sum by (route) (rate(http_request_duration_seconds{route="/tasks"}[1m])))');
    expect(plan.items[1]!.note).toMatch(/^SEARCH selects metrics/);
    expect(plan.items[4]).toMatchObject({ promql: 'max(max_over_time(process_resident_memory_bytes[5m]))', note: expect.stringMatching(/metric math/) });
    expect(plan.items[2]!.note).toMatch(/anomaly band/);
    expect(plan.manualConsumers).toBe(2);
    expect(plan.phases).toHaveLength(4);
  });

  it('folds a single-metric alarm into a PromQL alarm: threshold in the query, EvaluationPeriods × Period pending', () => {
    expect(plan.items[3]!.promqlAlarm).toEqual({ query: 'max(max_over_time(process_resident_memory_bytes[1m])) > 500000000', evaluationInterval: 60, pendingPeriod: 180 });
    parsed(plan.items[3]!.promqlAlarm!.query);
  });
});
