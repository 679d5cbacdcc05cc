/**
 * `cwdash metrics --format csv`: one row per CloudWatch custom metric, for spreadsheets (RFC 4180 quoting), written
 * row by row as the metrics come.
 */
import type { PredictedMetric, StreamedMetrics } from '../model/prediction.js';
import { sortedKeys } from '../shared/json.js';

const HEADER = ['namespace', 'metric_name', 'dimensions', 'dimension_count', 'dimension_set', 'pipeline', 'receiver', 'exporter', 'job', 'series', 'example_series'];

export function* metricsCsvChunks({ metrics }: StreamedMetrics): Generator<string> {
  yield `${HEADER.map(csvField).join(',')}\r\n`;
  // Consecutive metrics mostly share their namespace, name, pipeline, receiver, exporter and job: quote each once.
  const namespace = lastQuoted();
  const metricName = lastQuoted();
  const pipeline = lastQuoted();
  const receiver = lastQuoted();
  const exporter = lastQuoted();
  const job = lastQuoted();
  for (const metric of metrics) {
    const { source } = metric;
    // The dimension count and series are numbers, and the dimension set one of a few plain words: nothing to quote.
    yield `${namespace(metric.namespace)},${metricName(metric.metricName)},${dimensionsField(metric)},${source.dimensionSet},${pipeline(source.pipeline)},${receiver(source.receiver)},${exporter(source.exporter)},${job(source.job ?? '')},${source.series},${csvField(source.exampleSeries)}\r\n`;
  }
}

/** The `dimensions` field (`name=value;...` in name order) and the `dimension_count` after it. */
function dimensionsField({ dimensions }: PredictedMetric): string {
  const names = sortedKeys(dimensions);
  let text = '';
  for (let index = 0; index < names.length; index++) text += `${index === 0 ? '' : ';'}${names[index]}=${dimensions[names[index]!]}`;
  return `${csvField(text)},${names.length}`;
}

/** `csvField` that remembers its last value and answer. */
function lastQuoted(): (value: string) => string {
  let last: string | undefined;
  let quoted = '';
  return (value) => {
    if (value !== last) {
      last = value;
      quoted = csvField(value);
    }
    return quoted;
  };
}

/** Quoted when it holds a quote, comma or line break; a quote (every example series has some) is looked for first. */
function csvField(value: string): string {
  if (value.includes('"')) return `"${value.replaceAll('"', '""')}"`;
  return /[,\r\n]/.test(value) ? `"${value}"` : value;
}
