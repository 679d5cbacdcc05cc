/**
 * `cwdash metrics --emf FILE`: EMF log events, one JSON object per line (an export of a log group, or `aws logs
 * filter-log-events --output json` flattened to messages), streamed line by line. Result in the same shape as a
 * collector prediction, so the formats are the same.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { MetricsPrediction, PredictedMetric, PredictionWarning } from '../../analysis/awsemf/types.js';
import { LOG_EVENT_OVERHEAD_BYTES } from '../../analysis/awsemf/emf-size.js';
import { summarizeMetrics } from '../../analysis/awsemf/summary.js';
import { readError } from '../../shared/files.js';
import { compareStrings } from '../../shared/json.js';
import { emfEventMetrics } from './events.js';

const MAX_LISTED_INVALID = 20;

export async function readEmfEvents(file: string, stdin?: Readable, displayName = file): Promise<MetricsPrediction> {
  let input: Readable;
  if (file === '-' && stdin) input = stdin;
  else {
    try {
      const info = await stat(file);
      if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    } catch (error) {
      throw readError(displayName, 'EMF events file', error);
    }
    input = createReadStream(file, { encoding: 'utf8' });
  }
  const source = file === '-' ? '<stdin>' : displayName;
  const found = new Map<string, PredictedMetric>();
  const counts = { events: 0, eventsWithMetrics: 0, eventsWithoutDirective: 0, invalidEvents: 0, bytes: 0 };
  const warnings: PredictionWarning[] = [];
  let lineNumber = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    const line = raw.trim();
    if (line === '') continue;
    counts.events++;
    counts.bytes += Buffer.byteLength(line);
    const result = emfEventMetrics(line);
    if (result.kind === 'invalid') {
      counts.invalidEvents++;
      if (counts.invalidEvents <= MAX_LISTED_INVALID) warnings.push({ message: `invalid EMF event, no metrics extracted: ${result.reason}`, location: `${source}:${lineNumber}` });
      continue;
    }
    if (result.kind === 'no-directive') {
      counts.eventsWithoutDirective++;
      continue;
    }
    counts.eventsWithMetrics++;
    for (const metric of result.metrics) {
      const names = Object.keys(metric.dimensions).sort(compareStrings);
      let key = `${metric.namespace}\u0000${metric.metricName}`;
      for (const name of names) key += `\u0000${name}\u0000${metric.dimensions[name]}`;
      const existing = found.get(key);
      if (existing) {
        found.set(key, { ...existing, source: { ...existing.source, series: existing.source.series + 1 } });
        continue;
      }
      found.set(key, {
        namespace: metric.namespace,
        metricName: metric.metricName,
        dimensions: Object.fromEntries(names.map((name) => [name, metric.dimensions[name]!])),
        source: { pipeline: '', receiver: '', exporter: '', series: 1, exampleSeries: `${source}:${lineNumber}`, dimensionSet: 'emf' },
      });
    }
  }
  if (counts.invalidEvents > MAX_LISTED_INVALID) warnings.push({ message: `${counts.invalidEvents - MAX_LISTED_INVALID} more invalid events not listed` });
  const metrics = [...found.entries()].sort((a, b) => compareStrings(a[0], b[0])).map(([, metric]) => metric);
  return {
    schemaVersion: 1,
    collectorVersion: '',
    profile: { label: 'emf-logs', contribVersion: '' },
    configFile: source,
    metrics,
    summary: summarizeMetrics(metrics, []),
    emf: { eventsPerScrape: counts.events, bytesPerScrape: counts.bytes, bytesPerScrapeWithOverhead: counts.bytes + LOG_EVENT_OVERHEAD_BYTES * counts.events, eventsPerMonth: 0, bytesPerMonth: 0, bytesPerMonthWithOverhead: 0, logGroups: [] },
    assumptions: { scrapeIntervalSeconds: 0, scrapeIntervals: {}, replicas: 1, replicasMultiplyMetrics: false, daysPerMonth: 30, notes: ['counts are over the events in the file; the emf figures are the file\'s totals, not per scrape'] },
    warnings,
    emfLog: counts,
  };
}
