import { describe, expect, test } from 'vitest';
import { Duration, GraphWidget, MathExpression, Metric, MetricsInsightsQuery, SearchExpression, Stats } from '../../../src/model/dashboard/index.js';

const rows = (...metrics: ConstructorParameters<typeof GraphWidget>[0]['metrics'][]) =>
  new GraphWidget({ region: 'eu-west-1', metrics: metrics[0] }).renderAt(undefined, { region: undefined })[0]!.properties;

const requests = new Metric({ namespace: 'App', metricName: 'Requests', dimensionsMap: { Service: 'api', Env: 'prod' } });

describe('Metric', () => {
  test('renders [namespace, name, dims in the order given, options only when set]', () => {
    expect(rows([requests])).toMatchObject({ metrics: [['App', 'Requests', 'Service', 'api', 'Env', 'prod']] });
    const styled = requests.with({ statistic: Stats.p(99), period: Duration.minutes(1), label: 'p99', color: '#1f77b4', yAxis: 'right', region: 'us-east-1', accountId: '123456789012' });
    expect(rows([styled])).toMatchObject({
      metrics: [['App', 'Requests', 'Service', 'api', 'Env', 'prod', { stat: 'p99', period: 60, label: 'p99', color: '#1f77b4', yAxis: 'right', region: 'us-east-1', accountId: '123456789012' }]],
    });
  });

  test('with() returns the same object when nothing changes, a new one otherwise', () => {
    expect(requests.with({})).toBe(requests);
    expect(requests.with({ dimensionsMap: requests.dimensions })).toBe(requests);
    const sum = requests.with({ statistic: 'Sum' });
    expect(sum).not.toBe(requests);
    expect(sum.props.statistic).toBe('Sum');
    expect(requests.props.statistic).toBeUndefined();
  });

  test('its identity is what the cost linter matches', () => {
    expect(requests.toMetricIdentity()).toEqual({ namespace: 'App', metricName: 'Requests', dimensions: { Service: 'api', Env: 'prod' } });
  });

  test('Stats helpers write the grammar', () => {
    expect([Stats.p(99.9), Stats.trimmedMean(10, 90), Stats.trimmedMean(undefined, 90), Stats.percentileRank(0, 300)]).toEqual([
      'p99.9', 'TM(10%:90%)', 'TM(:90%)', 'PR(0:300)',
    ]);
  });
});

describe('MathExpression', () => {
  test('usingMetrics become hidden rows with their ids, after the given metrics', () => {
    const errors = new Metric({ namespace: 'App', metricName: 'Errors' });
    const rate = new MathExpression({ expression: '100 * e / r', label: 'error %', usingMetrics: { e: errors, r: requests } });
    expect(rows([requests.with({ statistic: 'Sum' }), rate])).toMatchObject({
      metrics: [
        ['App', 'Requests', 'Service', 'api', 'Env', 'prod', { stat: 'Sum' }],
        [{ expression: '100 * e / r', label: 'error %' }],
        ['App', 'Errors', { visible: false, id: 'e' }],
        ['App', 'Requests', 'Service', 'api', 'Env', 'prod', { visible: false, id: 'r' }],
      ],
    });
  });

  test('an input the widget already shows (same data, however drawn) gets the id instead of a hidden copy (as CDK)', () => {
    const errors = new Metric({ namespace: 'App', metricName: 'Errors' });
    const rate = new MathExpression({ expression: '100 * e / r', usingMetrics: { e: errors, r: requests } });
    expect(rows([requests.with({ label: 'requests', yAxis: 'right' }), rate])).toMatchObject({
      metrics: [
        ['App', 'Requests', 'Service', 'api', 'Env', 'prod', { label: 'requests', yAxis: 'right', id: 'r' }],
        [{ expression: '100 * e / r' }],
        ['App', 'Errors', { visible: false, id: 'e' }],
      ],
    });
  });

  test('nested math is expanded breadth first; an input shared by two expressions is written once', () => {
    const a = new Metric({ namespace: 'App', metricName: 'A' });
    const b = new Metric({ namespace: 'App', metricName: 'B' });
    const sum = new MathExpression({ expression: 'a + b', usingMetrics: { a, b } });
    const ratio = new MathExpression({ expression: 's / a', usingMetrics: { s: sum, a } });
    expect(rows([ratio])).toMatchObject({
      metrics: [
        [{ expression: 's / a' }],
        [{ expression: 'a + b', id: 's', visible: false }],
        ['App', 'A', { id: 'a', visible: false }],
        ['App', 'B', { id: 'b', visible: false }],
      ],
    });
  });

  test("the expression's period is its inputs' period", () => {
    const a = new Metric({ namespace: 'App', metricName: 'A', period: Duration.minutes(5) });
    const expression = new MathExpression({ expression: 'a * 2', usingMetrics: { a }, period: Duration.minutes(1) });
    expect(rows([expression])).toMatchObject({ metrics: [[{ expression: 'a * 2', period: 60 }], ['App', 'A', { period: 60, id: 'a', visible: false }]] });
  });
});

test('SearchExpression builds SEARCH(...) with quoting only where needed', () => {
  const search = new SearchExpression({
    schema: { namespace: 'AWS/EC2', dimensions: ['InstanceId'] },
    searchTerm: 'MetricName="CPUUtilization"',
    statistic: 'Average',
    label: 'CPU',
  });
  expect(search.expression).toBe(`SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)`);
  const spaced = new SearchExpression({ schema: { namespace: 'My App', dimensions: ['Service Name'] }, statistic: 'Sum', searchPeriodSeconds: 60 });
  expect(spaced.expression).toBe(`SEARCH('{"My App","Service Name"}', 'Sum', 60)`);
  expect(rows([search])).toMatchObject({ metrics: [[{ expression: search.expression, label: 'CPU' }]] });
});

test('MetricsInsightsQuery is an expression row', () => {
  const query = new MetricsInsightsQuery({ query: 'SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId)', label: 'cpu', period: Duration.minutes(5) });
  expect(rows([query])).toMatchObject({ metrics: [[{ expression: 'SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId)', label: 'cpu', period: 300 }]] });
});

test('CDK-style left and right lists: after metrics, the right ones on the right axis', () => {
  const a = new Metric({ namespace: 'App', metricName: 'A' });
  const b = new Metric({ namespace: 'App', metricName: 'B' });
  const c = new Metric({ namespace: 'App', metricName: 'C', label: 'c' });
  const widget = new GraphWidget({ region: 'eu-west-1', metrics: [a], left: [b], right: [c] });
  expect(widget.renderAt(undefined, { region: undefined })[0]!.properties).toMatchObject({
    metrics: [['App', 'A'], ['App', 'B'], ['App', 'C', { label: 'c', yAxis: 'right' }]],
  });
});
