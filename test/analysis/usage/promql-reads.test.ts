import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { alarmReads, describeAlarmsSchema } from '../../../src/analysis/usage/alarm-reads.js';
import { dashboardReads } from '../../../src/analysis/usage/dashboard-reads.js';
import { describeRead } from '../../../src/analysis/usage/metric-read.js';
import { promqlReads } from '../../../src/analysis/usage/promql-reads.js';
import { promqlMatchesSeries, type PromQLSeries } from '../../../src/analysis/usage/promql-selector.js';
import { buildUsageIndex } from '../../../src/analysis/usage/usage-index.js';
import type { PromQLSelector } from '../../../src/model/promql/parse.js';

const fullBody = JSON.parse(readFileSync(new URL('../../fixtures/promql/full.json', import.meta.url), 'utf8'));
const source = { kind: 'dashboard' as const, name: 'd' };

function selector(query: string): PromQLSelector {
  const [read] = promqlReads(query, source).reads;
  if (read?.kind !== 'promql') throw new Error(`no selector in ${query}`);
  return read.selector;
}

const tokens: PromQLSeries = {
  metricName: 'claude_code.token.usage',
  type: 'Sum',
  temporality: 'cumulative',
  labels: { type: 'input', '@resource.service.name': 'claude-code', '@instrumentation.@name': 'com.anthropic.claude_code' },
};

describe('reads of chart widgets and PromQL alarms', () => {
  test('every selector of every PromQL query of a chart widget, with its path', () => {
    const { reads, problems } = dashboardReads({ name: 'claude', body: fullBody });
    expect(problems).toEqual([]);
    expect(reads.map((read) => [read.kind, describeRead(read), read.source.path, read.region])).toEqual([
      ['promql', '{"claude_code.token.usage", type="input", "@resource.service.name"="claude-code"}', '/widgets/0/properties/data/queries/0/query', 'us-east-1'],
    ]);
  });

  test('a query that does not parse is a problem of the dashboard, and the other widgets are still read', () => {
    const body = {
      widgets: [
        { type: 'chart', properties: { region: 'us-east-1', data: { queries: [{ language: 'PromQL', query: 'sum(up' }, { language: 'SQL', query: 'SELECT 1' }] } } },
        { type: 'metric', properties: { region: 'us-east-1', metrics: [['App', 'Requests']] } },
      ],
    };
    const { reads, problems } = dashboardReads({ name: 'd', body });
    expect(reads.map((read) => read.kind)).toEqual(['metric']);
    expect(problems).toEqual([
      {
        source: { kind: 'dashboard', name: 'd', file: undefined, path: '/widgets/0/properties/data/queries/0/query' },
        message: 'cannot read PromQL "sum(up": PromQL syntax error at line 1, column 7 (offset 6): the query ends too early (an unclosed bracket, or an operator without its right-hand side?)',
      },
    ]);
  });

  test('a PromQL alarm (DescribeAlarms EvaluationCriteria.PromQLCriteria) reads the selectors of its query', () => {
    const output = describeAlarmsSchema.parse({
      MetricAlarms: [
        {
          AlarmName: 'tasks-5xx',
          EvaluationCriteria: { PromQLCriteria: { Query: 'sum(rate(http_requests_total{status_code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.05', PendingPeriod: 300 } },
          EvaluationInterval: 60,
        },
      ],
    });
    const { reads, problems } = alarmReads(output, 'alarms.json');
    expect(problems).toEqual([]);
    expect(reads.map((read) => [describeRead(read), read.source.path])).toEqual([
      ['http_requests_total{status_code=~"5.."}', '/MetricAlarms/0/EvaluationCriteria/PromQLCriteria/Query'],
      ['http_requests_total', '/MetricAlarms/0/EvaluationCriteria/PromQLCriteria/Query'],
    ]);
  });
});

describe('PromQL selectors match OTLP series as CloudWatch labels them', () => {
  test('name, resource and datapoint labels (bare or @datapoint.), __type__ and __temporality__', () => {
    expect(promqlMatchesSeries(selector('{"claude_code.token.usage", type="input", "@resource.service.name"="claude-code"}'), tokens)).toBe(true);
    expect(promqlMatchesSeries(selector('{"claude_code.token.usage", "@datapoint.type"="input", __type__="Sum", __temporality__="cumulative"}'), tokens)).toBe(true);
    expect(promqlMatchesSeries(selector('{"claude_code.token.usage", type="output"}'), tokens)).toBe(false);
    expect(promqlMatchesSeries(selector('{"@datapoint.@name"="claude_code.token.usage"}'), tokens)).toBe(true);
    expect(promqlMatchesSeries(selector('other{type="input"}'), tokens)).toBe(false);
  });

  test('a missing label is empty; regexes are anchored RE2 and apply to names too', () => {
    expect(promqlMatchesSeries(selector('{"claude_code.token.usage", model=""}'), tokens)).toBe(true);
    expect(promqlMatchesSeries(selector('{"claude_code.token.usage", type=~"in"}'), tokens)).toBe(false);
    expect(promqlMatchesSeries(selector('{"claude_code.token.usage", type=~"in.*", type!~"(?i)OUT.*"}'), tokens)).toBe(true);
    expect(promqlMatchesSeries(selector('{__name__=~"claude_code\\\\..*", "@instrumentation.@name"!=""}'), tokens)).toBe(true);
  });

  test('the usage index: a PromQL read reads the OTLP series, never the Classic metric of the same name', () => {
    const usage = buildUsageIndex([dashboardReads({ name: 'claude', body: fullBody })]);
    expect(usage.readersOfSeries(tokens).map((reader) => `${reader.kind} ${reader.name}`)).toEqual(['dashboard claude']);
    expect(usage.readersOfSeries({ ...tokens, labels: { ...tokens.labels, type: 'output' } })).toEqual([]);
    const classic = { namespace: 'claude-code', metricName: 'claude_code.token.usage', dimensions: { type: 'input' } };
    expect(usage.readersOf(classic)).toEqual([]);
    expect(usage.unmatchedReads([classic])).toEqual([]); // a PromQL read is not a Classic graph left empty
  });
});
