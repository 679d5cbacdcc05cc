/**
 * The CSV writer quotes what RFC 4180 needs quoted wherever it stands, also when a remembered quoting of the previous
 * row's value could be reused: each row equals the plain field-by-field rendering.
 */
import { describe, expect, test } from 'vitest';
import type { MetricsPrediction, PredictedMetric, StreamedMetrics } from '../../src/model/prediction.js';
import { identitiesOf } from '../../src/model/metric-summary.js';
import { metricsCsvChunks } from '../../src/outputs/metrics-csv.js';

function metric(dimensions: Record<string, string>, source: Partial<PredictedMetric['source']> = {}, metricName = 'requests_total', namespace = 'app'): PredictedMetric {
  return {
    namespace,
    metricName,
    dimensions,
    source: { pipeline: 'metrics', receiver: 'prometheus', exporter: 'awsemf', job: 'app', series: 2, exampleSeries: 'requests_total{code="200"}', dimensionSet: 'full', ...source },
  };
}

const VARIED: PredictedMetric[] = [
  metric({}),
  metric({ method: 'GET', code: '200' }, { job: undefined, fromSecondScrape: true }),
  metric({ route: 'a,b' }, { job: 'say "hi"' }, 'line\nbreak', 'ns,with,commas'),
  metric({ route: 'cr\r' }, { pipeline: 'metrics/a,b', receiver: 'prometheus/"x"', exporter: 'awsemf\r\n' }, 'line\nbreak', 'ns,with,commas'),
  metric({ 'é': 'ü 😀' }, { exampleSeries: 'plain', dimensionSet: 'emf', series: 1e21 }),
  metric({ b: '2', a: '1', '10': 'ten', '9': 'nine' }),
];

/** Each field on its own: quoted when it holds a quote, comma or line break, inner quotes doubled. */
function plainRow(metric: PredictedMetric): string {
  const names = Object.keys(metric.dimensions).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const { source } = metric;
  const fields = [metric.namespace, metric.metricName, names.map((name) => `${name}=${metric.dimensions[name]}`).join(';'), String(names.length), source.dimensionSet, source.pipeline, source.receiver, source.exporter, source.job ?? '', String(source.series), source.exampleSeries];
  return `${fields.map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field)).join(',')}\r\n`;
}

describe('metrics CSV writer', () => {
  test('writes the header, then each metric as the plain rendering does', () => {
    const streamed: StreamedMetrics = { result: { metrics: [] } as unknown as MetricsPrediction, metrics: VARIED, identities: identitiesOf(VARIED) };
    const [header, ...rows] = [...metricsCsvChunks(streamed)];
    expect(header).toBe('namespace,metric_name,dimensions,dimension_count,dimension_set,pipeline,receiver,exporter,job,series,example_series\r\n');
    expect(rows).toEqual(VARIED.map(plainRow));
  });
});
