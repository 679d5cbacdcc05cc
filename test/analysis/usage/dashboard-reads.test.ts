import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { dashboardReads } from '../../../src/analysis/usage/dashboard-reads.js';
import { describeRead } from '../../../src/analysis/usage/metric-read.js';
import { buildUsageIndex } from '../../../src/analysis/usage/usage-index.js';

const vectors = JSON.parse(readFileSync(new URL('../../vectors/dashboard-bodies.json', import.meta.url), 'utf8')) as {
  vectors: { name: string; body: unknown }[];
};
const vector = (name: string) => vectors.vectors.find((item) => item.name === name)!.body;

describe('dashboard reads', () => {
  test('math inputs are read even when hidden; the expression itself reads nothing more', () => {
    const { reads, problems } = dashboardReads({ name: 'math', body: vector('MathExpressions can be added to a graph') });
    expect(problems).toEqual([]);
    expect(reads.map(describeRead)).toEqual(['Test ACount {}', 'Test BCount {}']);
    expect(reads[0]!.source).toEqual({ kind: 'dashboard', name: 'math', file: undefined, path: '/widgets/0/properties/metrics/1' });
  });

  test('SEARCH expressions from the CDK vectors become search reads', () => {
    const { reads } = dashboardReads({ name: 's', body: vector('SearchExpressions can be added to a graph') });
    expect(reads).toHaveLength(1);
    expect(reads[0]!.kind).toBe('search');
    const index = buildUsageIndex([{ reads, problems: [] }]);
    expect(index.readersOf({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: 'i-1' } })).toHaveLength(1);
    expect(index.readersOf({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: {} })).toEqual([]);
  });

  test('every CDK vector body is read without problems', () => {
    for (const { name, body } of vectors.vectors) expect(dashboardReads({ name, body }).problems, name).toEqual([]);
  });

  test('shorthand rows are expanded and dimension pairs kept', () => {
    const body = {
      widgets: [
        {
          type: 'metric',
          properties: {
            region: 'us-east-1',
            metrics: [
              ['prod/task-service', 'http_requests_total', 'route', '/tasks', 'method', 'GET'],
              ['...', 'POST'],
              ['.', 'http_request_duration_seconds', 'route', '/tasks', 'method', 'GET', { stat: 'p99' }],
            ],
          },
        },
      ],
    };
    expect(dashboardReads({ name: 'd', body }).reads.map(describeRead)).toEqual([
      'prod/task-service http_requests_total {route=/tasks,method=GET}',
      'prod/task-service http_requests_total {route=/tasks,method=POST}',
      'prod/task-service http_request_duration_seconds {route=/tasks,method=GET}',
    ]);
  });

  test('a property variable opens the dimension: listed values, or any value when filled from a search', () => {
    const row = ['ns', 'm', 'route', '/tasks', 'pod', 'a'];
    const body = {
      variables: [
        { type: 'property', property: 'route', inputType: 'select', id: 'r', values: [{ value: '/users' }] },
        { type: 'property', property: 'pod', inputType: 'select', id: 'p', search: '{ns,pod} m', populateFrom: 'pod' },
      ],
      widgets: [{ type: 'metric', properties: { region: 'us-east-1', metrics: [row] } }],
    };
    const index = buildUsageIndex([dashboardReads({ name: 'd', body })]);
    const metric = (route: string, pod: string) => ({ namespace: 'ns', metricName: 'm', dimensions: { route, pod } });
    expect(index.readersOf(metric('/users', 'zzz'))).toHaveLength(1);
    expect(index.readersOf(metric('/tasks', 'b'))).toHaveLength(1);
    expect(index.readersOf(metric('/other', 'a'))).toEqual([]);
  });

  test('Metrics Insights queries read by namespace, SCHEMA and WHERE equality', () => {
    const body = {
      widgets: [
        {
          type: 'metric',
          properties: {
            region: 'us-east-1',
            metrics: [[{ expression: `SELECT AVG(CPUUtilization) FROM SCHEMA("AWS/EC2", InstanceId) WHERE InstanceId = 'i-1' GROUP BY InstanceId` }]],
          },
        },
      ],
    };
    const index = buildUsageIndex([dashboardReads({ name: 'd', body })]);
    expect(index.readersOf({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: 'i-1' } })).toHaveLength(1);
    expect(index.readersOf({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: 'i-2' } })).toEqual([]);
    expect(index.readersOf({ namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: 'i-1', X: 'y' } })).toEqual([]);
  });

  test('malformed rows and searches are recorded with their path, and the rest is still read', () => {
    const body = {
      widgets: [
        { type: 'metric', properties: { metrics: [['ns', 'm', 'dimWithoutValue'], [{ expression: "SEARCH('{ns', 'Sum', 60)" }], ['ns', 'ok']] } },
      ],
    };
    const { reads, problems } = dashboardReads({ name: 'd', file: 'dashboards/d.ts', body });
    expect(reads.map(describeRead)).toEqual(['ns ok {}']);
    expect(problems.map((problem) => problem.source.path)).toEqual(['/widgets/0/properties/metrics/0', '/widgets/0/properties/metrics/1/0/expression']);
    expect(dashboardReads({ name: 'x', body: { nope: 1 } }).problems[0]!.message).toBe('body has no widgets array');
  });

  test('the index narrows queries by their exact namespace and metric name, and only then', () => {
    const search = (query: string) => [{ expression: `SEARCH('${query}', 'Sum', 60)` }];
    const body = {
      widgets: [{ type: 'metric', properties: { metrics: [search('{ns,pod} MetricName="a"'), search('MetricName="b" OR MetricName="c"'), search('Namespace="other" d')] } }],
    };
    const index = buildUsageIndex([dashboardReads({ name: 'd', body })]);
    const readers = (namespace: string, metricName: string, dimensions: Record<string, string> = {}) =>
      index.readersOf({ namespace, metricName, dimensions }).length;
    expect(readers('ns', 'a', { pod: 'p' })).toBe(1);
    expect(readers('ns2', 'a', { pod: 'p' })).toBe(0);
    expect(readers('ns', 'c')).toBe(1);
    expect(readers('other', 'd')).toBe(1);
    expect(readers('ns', 'd')).toBe(0);
  });

  test('unmatched reads are the graphs that stay empty', () => {
    const body = { widgets: [{ type: 'metric', properties: { metrics: [['ns', 'present'], ['ns', 'absent']] } }] };
    const index = buildUsageIndex([dashboardReads({ name: 'd', body })]);
    expect(index.unmatchedReads([{ namespace: 'ns', metricName: 'present', dimensions: {} }]).map(describeRead)).toEqual(['ns absent {}']);
  });
});
