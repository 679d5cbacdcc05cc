/** The summary block of `cwdash metrics`: counts per namespace, name and dimension set, and label cardinality. */
import { describe, expect, it } from 'vitest';
import { summarize, summarizeMetrics } from '../../src/model/metric-summary.js';

const metric = (namespace: string, metricName: string, dimensions: Record<string, string>) => ({ namespace, metricName, dimensions });

describe('metric summary', () => {
  it('counts per namespace, metric name and dimension set, keys sorted; labels by the metrics they multiply', () => {
    const summary = summarizeMetrics(
      [
        metric('shop', 'latency', { route: '/a' }),
        metric('shop', 'latency', { route: '/b' }),
        metric('shop', 'latency', {}),
        metric('billing', 'errors', { code: '500', route: '/a' }),
      ],
      [],
    );
    expect(summary).toEqual({
      customMetrics: 4,
      byNamespace: { billing: 1, shop: 3 },
      byMetricName: { errors: 1, latency: 3 },
      byDimensionSet: { '[]': 1, '[code,route]': 1, '[route]': 2 },
      labelCardinality: [
        { label: 'route', values: 2, metrics: 3 },
        { label: 'code', values: 1, metrics: 1 },
      ],
      notModelled: [],
    });
  });

  it('counting from a visitor gives the same summary as from a list, and keeps what was not modelled', () => {
    const notModelled = [{ component: 'receivers/otlp', kind: 'receivers', reason: 'not a prometheus receiver', location: 'otel.yaml:3:3' }];
    const names = ['route'];
    const fromVisitor = summarize((visit) => {
      visit('shop', 'latency', names, ['/a']);
      visit('shop', 'latency', names, ['/b']);
    }, notModelled);
    expect(fromVisitor).toEqual(summarizeMetrics([metric('shop', 'latency', { route: '/a' }), metric('shop', 'latency', { route: '/b' })], notModelled));
  });
});
