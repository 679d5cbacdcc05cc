/** `cwdash metrics --format csv`: one row per CloudWatch custom metric, for spreadsheets (RFC 4180 quoting). */
import type { MetricsResult } from '../model/prediction.js';
import { compareStrings } from '../shared/json.js';

const HEADER = ['namespace', 'metric_name', 'dimensions', 'dimension_count', 'dimension_set', 'pipeline', 'receiver', 'exporter', 'job', 'series', 'example_series'];

export function renderMetricsCsv(prediction: MetricsResult): string {
  const rows = prediction.metrics.map((metric) => {
    const names = Object.keys(metric.dimensions).sort(compareStrings);
    return [
      metric.namespace,
      metric.metricName,
      names.map((name) => `${name}=${metric.dimensions[name]}`).join(';'),
      String(names.length),
      metric.source.dimensionSet,
      metric.source.pipeline,
      metric.source.receiver,
      metric.source.exporter,
      metric.source.job ?? '',
      String(metric.source.series),
      metric.source.exampleSeries,
    ];
  });
  return [HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
