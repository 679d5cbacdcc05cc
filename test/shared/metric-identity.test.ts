import { describe, expect, test } from 'vitest';
import { compareMetricIdentities, formatMetricIdentity, metricKey } from '../../src/model/metric-identity.js';
import { stableStringify } from '../../src/shared/json.js';

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

  test('stable JSON sorts keys at every depth and ends with a newline', () => {
    expect(stableStringify({ b: 1, a: { d: [2, 1], c: undefined } })).toBe('{\n  "a": {\n    "d": [\n      2,\n      1\n    ]\n  },\n  "b": 1\n}\n');
  });
});
