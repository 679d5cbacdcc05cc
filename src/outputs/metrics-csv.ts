/**
 * `cwdash metrics --format csv`: one row per CloudWatch custom metric, for spreadsheets (RFC 4180 quoting), written
 * row by row as the metrics come.
 */
import type { StreamedMetrics } from '../model/prediction.js';
import { compareStrings } from '../shared/json.js';

const HEADER = ['namespace', 'metric_name', 'dimensions', 'dimension_count', 'dimension_set', 'pipeline', 'receiver', 'exporter', 'job', 'series', 'example_series'];

export function* metricsCsvChunks({ metrics }: StreamedMetrics): Generator<string> {
  yield csvRow(HEADER);
  for (const metric of metrics) {
    const names = Object.keys(metric.dimensions).sort(compareStrings);
    yield csvRow([
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
    ]);
  }
}

function csvRow(row: readonly string[]): string {
  return `${row.map(csvField).join(',')}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
