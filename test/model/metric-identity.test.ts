import { describe, expect, test } from 'vitest';
import { compareDimensionLists, compareMetricIdentities, formatMetricIdentity, metricKey, metricKeyOf, normalizeMetricIdentity, type MetricIdentity } from '../../src/model/metric-identity.js';

describe('metric identity', () => {
  test('dimension order does not change the key', () => {
    const a = { namespace: 'ns', metricName: 'm', dimensions: { b: '2', a: '1' } };
    const b = { namespace: 'ns', metricName: 'm', dimensions: { a: '1', b: '2' } };
    expect(metricKey(a)).toBe(metricKey(b));
    expect(compareMetricIdentities(a, b)).toBe(0);
  });

  test('the zero-dimension metric differs from a metric with dimensions', () => {
    const bare = { namespace: 'ns', metricName: 'm', dimensions: {} };
    const withDim = { namespace: 'ns', metricName: 'm', dimensions: { OTelLib: 'x' } };
    expect(metricKey(bare)).not.toBe(metricKey(withDim));
    expect(compareMetricIdentities(bare, withDim)).toBeLessThan(0);
    expect(formatMetricIdentity(withDim)).toBe('ns m {OTelLib=x}');
  });

  test('keys tell apart values that a separator-joined key would confuse', () => {
    const a = { namespace: 'ns', metricName: 'm', dimensions: { a: 'x,b=y' } };
    const b = { namespace: 'ns', metricName: 'm', dimensions: { a: 'x', b: 'y' } };
    expect(metricKey(a)).not.toBe(metricKey(b));
  });

  test('keys tell apart values holding the NUL the key joins parts with', () => {
    const joined = { namespace: 'ns', metricName: 'm', dimensions: { a: 'x', b: 'y' } };
    const inValue = { namespace: 'ns', metricName: 'm', dimensions: { a: 'x\u0000b\u0000y' } };
    const inName = { namespace: 'ns\u0000m', metricName: '', dimensions: { a: 'x', b: 'y' } };
    const keys = [joined, inValue, inName].map(metricKey);
    expect(new Set(keys).size).toBe(3);
    expect(metricKeyOf('ns', 'm', ['a'], ['x\u0000b\u0000y'])).toBe(keys[1]);
    expect(metricKeyOf('ns', 'm', ['a', 'b'], ['x', 'y'])).toBe(keys[0]);
  });

  test('the order: namespace, name, then pair by pair; a set that is a prefix of another first', () => {
    const ids: MetricIdentity[] = [
      { namespace: 'ns', metricName: 'm', dimensions: { route: '/b' } },
      { namespace: 'ns', metricName: 'm', dimensions: { method: 'GET', route: '/a' } },
      { namespace: 'ns', metricName: 'm', dimensions: {} },
      { namespace: 'ns', metricName: 'a', dimensions: { route: '/z' } },
      { namespace: 'aa', metricName: 'z', dimensions: {} },
    ];
    expect([...ids].sort(compareMetricIdentities).map(formatMetricIdentity)).toEqual([
      'aa z {}',
      'ns a {route=/z}',
      'ns m {}',
      'ns m {method=GET,route=/a}',
      'ns m {route=/b}',
    ]);
    expect(compareDimensionLists(['method'], ['GET'], ['method', 'route'], ['GET', '/a'])).toBeLessThan(0);
    expect(compareDimensionLists(['route'], ['/a'], ['route'], ['/a'])).toBe(0);
  });

  test('normalizeMetricIdentity writes the dimensions in name order, for stable output', () => {
    const normal = normalizeMetricIdentity({ namespace: 'ns', metricName: 'm', dimensions: { route: '/a', code: '200' } });
    expect(Object.keys(normal.dimensions)).toEqual(['code', 'route']);
  });
});
