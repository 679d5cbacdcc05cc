import { describe, expect, test } from 'vitest';
import type { MetricIdentity } from '../../../src/model/metric-identity.js';
import { extractSearchQueries, parseSearchQuery, searchMatches, tokenize } from '../../../src/analysis/usage/search-expression.js';

const cpu: MetricIdentity = { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceId: 'i-0abc123' } };
const cpuByType: MetricIdentity = { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: { InstanceType: 't2.micro' } };
const histogram: MetricIdentity = {
  namespace: 'prod/task-service',
  metricName: 'http_request_duration_seconds',
  dimensions: { method: 'GET', route: '/tasks' },
};

const matches = (query: string, metric: MetricIdentity) => searchMatches(parseSearchQuery(query), metric);

describe('SEARCH tokenisation', () => {
  test('splits on camel case, upper-case runs, digits and punctuation', () => {
    expect(tokenize('CPUUtilization')).toEqual(['CPU', 'Utilization']);
    expect(tokenize('NetworkPacketsIn')).toEqual(['Network', 'Packets', 'In']);
    expect(tokenize('i-0abc123')).toEqual(['i', '0', 'abc', '123']);
    expect(tokenize('http_request_duration_seconds')).toEqual(['http', 'request', 'duration', 'seconds']);
  });
});

describe('SEARCH matching as CloudWatch matches it', () => {
  test('the schema names the namespace and exactly the dimension set', () => {
    expect(matches('{AWS/EC2,InstanceId} CPUUtilization', cpu)).toBe(true);
    expect(matches('{AWS/EC2,InstanceId} CPUUtilization', cpuByType)).toBe(false);
    expect(matches('{AWS/EC2} CPUUtilization', cpu)).toBe(false);
    expect(matches('{"prod/task-service",method,route}', histogram)).toBe(true);
    expect(matches('{prod/task-service,method}', histogram)).toBe(false);
  });

  test('a one-token term matches any token ignoring case; a composite term is case-sensitive', () => {
    expect(matches('cpu', cpu)).toBe(true);
    expect(matches('utilization', cpu)).toBe(true);
    expect(matches('CPUUtilization', cpu)).toBe(true);
    expect(matches('cpuutilization', cpu)).toBe(false);
    expect(matches('Util', cpu)).toBe(false);
    expect(matches('duration', histogram)).toBe(true);
    expect(matches('tasks', histogram)).toBe(true);
  });

  test('designators and exact strings', () => {
    expect(matches('MetricName="CPUUtilization"', cpu)).toBe(true);
    expect(matches('MetricName="CPU"', cpu)).toBe(false);
    expect(matches('MetricName=CPU', cpu)).toBe(true);
    expect(matches('InstanceType="t2.micro"', cpuByType)).toBe(true);
    expect(matches('InstanceType=micro', cpuByType)).toBe(true);
    expect(matches('InstanceType="micro"', cpuByType)).toBe(false);
    expect(matches('Namespace="AWS/EC2" "i-0abc123"', cpu)).toBe(true);
    expect(matches('route="/tasks"', histogram)).toBe(true);
    expect(matches('route="/users"', histogram)).toBe(false);
  });

  test('quoted schema names, spaces around =, and escaped quotes inside exact strings', () => {
    const spaced: MetricIdentity = { namespace: 'My App/prod', metricName: 'Latency "p99"', dimensions: { 'Service Name': 'checkout' } };
    expect(matches('{"My App/prod","Service Name"} MetricName = "Latency \\"p99\\""', spaced)).toBe(true);
    expect(matches('{"My App/prod","Service Name"} "Service Name" = checkout', spaced)).toBe(true);
    expect(parseSearchQuery('{"My App/prod", "Service Name"}').schema).toEqual({ namespace: 'My App/prod', dimensionNames: ['Service Name'] });
  });

  test('AND is implied, OR and NOT combine, parentheses group', () => {
    expect(matches('{AWS/EC2,InstanceId} CPU NOT Network', cpu)).toBe(true);
    expect(matches('{AWS/EC2,InstanceId} CPU AND Network', cpu)).toBe(false);
    expect(matches('{AWS/EC2,InstanceId} (Network OR CPU)', cpu)).toBe(true);
    expect(matches('NOT (CPU OR seconds)', histogram)).toBe(false);
    expect(matches(':aws.AccountId = "LOCAL" CPU', cpu)).toBe(true);
  });

  test('extracts every SEARCH call of an expression, with escaped quotes', () => {
    const queries = extractSearchQueries(
      `SUM(SEARCH('{AWS/EC2,InstanceId} MetricName="CPUUtilization"', 'Average', 300)) + SEARCH('MetricName=\\'x\\'', 'Sum')`,
    );
    expect(queries.map((query) => query.text)).toEqual(['{AWS/EC2,InstanceId} MetricName="CPUUtilization"', "MetricName='x'"]);
    expect(queries[0]!.schema).toEqual({ namespace: 'AWS/EC2', dimensionNames: ['InstanceId'] });
  });

  test('malformed searches throw with the offset', () => {
    expect(() => parseSearchQuery('{AWS/EC2,InstanceId CPU')).toThrow(/expected , or }/);
    expect(() => parseSearchQuery('(CPU OR Network')).toThrow(/unbalanced/);
    expect(() => parseSearchQuery('MetricName="CPU')).toThrow(/unterminated/);
    expect(() => extractSearchQueries("SEARCH('{AWS/EC2}")).toThrow(/no closing/);
  });
});
