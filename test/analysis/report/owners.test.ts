import { describe, expect, test } from 'vitest';
import { globMatches, NO_OWNER, ownerOf, type OwnerRule } from '../../../src/analysis/report/owners.js';

describe('globMatches', () => {
  test.each([
    ['prod/*', 'prod/api', true],
    ['prod/*', 'staging/api', false],
    ['*', '', true],
    ['http_*_total', 'http_requests_total', true],
    ['http_*_total', 'http_total', false],
    ['a*b*c', 'aXbYc', true],
    ['a*b*c', 'acb', false],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['*a*a*a*a*a*b', 'a'.repeat(5000), false],
  ])('%s ~ %s → %s', (pattern, value, expected) => {
    expect(globMatches(pattern, value)).toBe(expected);
  });
});

describe('ownerOf', () => {
  const rules: OwnerRule[] = [
    { team: 'payments', namespace: 'prod/*', dimensions: { service: 'pay*' } },
    { team: 'platform', namespace: 'ContainerInsights' },
    { team: 'web', metricName: 'http_*' },
  ];
  test('the first matching rule owns the metric; unmatched metrics have no owner', () => {
    const metric = (namespace: string, metricName: string, dimensions: Record<string, string> = {}) => ({ namespace, metricName, dimensions });
    expect(ownerOf(metric('prod/api', 'http_requests_total', { service: 'payments' }), rules)).toBe('payments');
    expect(ownerOf(metric('prod/api', 'http_requests_total', { service: 'cart' }), rules)).toBe('web');
    expect(ownerOf(metric('ContainerInsights', 'node_cpu_utilization'), rules)).toBe('platform');
    expect(ownerOf(metric('prod/api', 'jobs_total'), rules)).toBe(NO_OWNER);
  });
});
