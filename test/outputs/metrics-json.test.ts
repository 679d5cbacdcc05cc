/**
 * The batched JSON writer writes each metric as `appendStableJson` does, whatever the metric holds: escapes, non-ASCII
 * text, lone surrogates, dimension names that JSON.stringify would reorder, unsorted dimensions, optional members.
 */
import { describe, expect, test } from 'vitest';
import type { MetricsPrediction, PredictedMetric, StreamedMetrics } from '../../src/model/prediction.js';
import { identitiesOf } from '../../src/model/metric-summary.js';
import { metricsJsonChunks } from '../../src/outputs/metrics-json.js';
import { appendStableJson } from '../../src/shared/json.js';

function metric(dimensions: Record<string, string>, source: Partial<PredictedMetric['source']> = {}, metricName = 'requests_total'): PredictedMetric {
  return {
    namespace: 'app',
    metricName,
    dimensions,
    source: { pipeline: 'metrics', receiver: 'prometheus', exporter: 'awsemf', job: 'app', series: 2, exampleSeries: 'requests_total{code="200"}', dimensionSet: 'full', ...source },
  };
}

const VARIED: PredictedMetric[] = [
  metric({}),
  metric({ code: '200', method: 'GET' }, { fromSecondScrape: true }),
  metric({ method: 'GET', code: '200' }, { job: undefined }),
  metric({ route: 'quote " backslash \\ tab \t nul \u0000 del \u007f', 'é': 'ü 😀 \u2028' }, { exampleSeries: 'x{a="\\"\\n"}' }, 'name "quoted"'),
  metric({ 'lone \ud800': 'low \udc00', b: '' }),
  metric({ '10': 'ten', '9': 'nine', a: 'letter' }),
  metric({ '0x': 'not an index but starts with a digit', a: 'b' }, { dimensionSet: 'emf', pipeline: '', receiver: '', exporter: '', job: undefined }),
  metric({ code: '500' }, { series: 1e21 }),
];

/** The metrics part of the JSON document, as the writer streams it. */
function written(metrics: readonly PredictedMetric[]): string {
  const streamed: StreamedMetrics = { result: { metrics: [] } as unknown as MetricsPrediction, metrics, identities: identitiesOf(metrics) };
  return [...metricsJsonChunks(streamed)].join('');
}

/** The same, with every metric through the generic walk. */
function expected(metrics: readonly PredictedMetric[]): string {
  const out = ['{\n  "metrics": ['];
  metrics.forEach((value, index) => {
    out.push(index === 0 ? '\n    ' : ',\n    ');
    appendStableJson(value, 2, out);
  });
  out.push(metrics.length > 0 ? '\n  ]\n}\n' : ']\n}\n');
  return out.join('');
}

describe('metrics JSON writer', () => {
  test('writes every metric as appendStableJson does', () => {
    expect(written(VARIED)).toBe(expected(VARIED));
  });

  test('batches of many metrics join as one list, with odd metrics between them', () => {
    const many = Array.from({ length: 345 }, (_, index) => (index % 97 === 5 ? metric({ a: 'letter', '1': String(index) }) : metric({ code: String(index) })));
    expect(written(many)).toBe(expected(many));
  });

  test('an empty list', () => {
    expect(written([])).toBe(expected([]));
  });
});
