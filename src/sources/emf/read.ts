/**
 * `cwdash metrics --emf FILE`: EMF log events, one JSON object per line (an export of a log group, or `aws logs
 * filter-log-events --output json` flattened to messages), streamed line by line. The metrics carry the same
 * fields as predicted ones, so the metrics formats print both.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { compareMetricIdentities, metricKey, normalizeMetricIdentity } from '../../model/metric-identity.js';
import { summarizeMetrics } from '../../model/metric-summary.js';
import type { EmfEventsCount, PredictedMetric, PredictionWarning } from '../../model/prediction.js';
import { readError } from '../../shared/files.js';
import { emfEventMetrics } from './events.js';

const MAX_LISTED_INVALID = 20;

export async function readEmfEvents(file: string, stdin?: Readable, displayName = file): Promise<EmfEventsCount> {
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
      const key = metricKey(metric);
      const existing = found.get(key);
      if (existing) {
        found.set(key, { ...existing, source: { ...existing.source, series: existing.source.series + 1 } });
        continue;
      }
      found.set(key, {
        ...normalizeMetricIdentity(metric),
        source: { pipeline: '', receiver: '', exporter: '', series: 1, exampleSeries: `${source}:${lineNumber}`, dimensionSet: 'emf' },
      });
    }
  }
  if (counts.invalidEvents > MAX_LISTED_INVALID) warnings.push({ message: `${counts.invalidEvents - MAX_LISTED_INVALID} more invalid events not listed` });
  const metrics = [...found.values()].sort(compareMetricIdentities);
  return { schemaVersion: 1, eventsFile: source, metrics, summary: summarizeMetrics(metrics, []), emfLog: counts, warnings };
}
