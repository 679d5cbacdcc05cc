/**
 * `cwdash metrics` for a terminal: the count, per namespace and per metric name with the dimension sets, the labels
 * that multiply the count most, EMF log volume and what was not modelled (warnings go to stderr, not here).
 */
import { formatBytes, formatCount } from '../shared/units.js';
import type { MetricSource, MetricsPrediction, MetricsResult, StreamedMetrics } from '../model/prediction.js';
import { compareStrings } from '../shared/json.js';
import { renderContainerInsightsModes } from './container-insights-modes-table.js';
import { renderOtlpSection } from './otlp-table.js';
import { renderTextTable } from './text-table.js';

const MAX_SETS_SHOWN = 6;
const MAX_LABELS_SHOWN = 10;

export function renderMetricsTable({ result: prediction, identities }: StreamedMetrics): string {
  const parts: string[] = [header(prediction), `${formatCount(prediction.summary.customMetrics)} CloudWatch custom metrics\n`];
  if (prediction.summary.customMetrics > 0) {
    parts.push(renderTextTable([{ header: 'Namespace' }, { header: 'Metrics', align: 'right' }], Object.entries(prediction.summary.byNamespace).map(([ns, n]) => [ns, formatCount(n)])));
    parts.push(renderTextTable([{ header: 'Metric name' }, { header: 'Metrics', align: 'right' }, { header: 'Dimension sets (metrics each)' }], metricNameRows(identities)));
  }
  if (prediction.summary.labelCardinality.length > 0) {
    parts.push('Labels that multiply the count (dimension name: distinct values, metrics carrying it)\n' + renderTextTable(
      [{ header: 'Label' }, { header: 'Values', align: 'right' }, { header: 'Metrics', align: 'right' }],
      prediction.summary.labelCardinality.slice(0, MAX_LABELS_SHOWN).map((entry) => [entry.label, formatCount(entry.values), formatCount(entry.metrics)]),
    ));
  }
  parts.push(emfSection(prediction));
  if (isPrediction(prediction) && prediction.containerInsights) parts.push(renderContainerInsightsModes(prediction.containerInsights, { formatCount, formatBytes }));
  if (isPrediction(prediction) && prediction.pipelines) parts.push(renderOtlpSection(prediction.pipelines, prediction.otlpSeries ?? [], prediction.summary.otlp!, { formatCount, formatBytes }));
  if (prediction.summary.notModelled.length > 0) {
    parts.push('Not modelled (their effect on the count is not included)\n' + renderTextTable([{ header: 'Component' }, { header: 'Where' }, { header: 'Why' }], prediction.summary.notModelled.map((entry) => [entry.component, entry.location, entry.reason])));
  }
  return parts.join('\n');
}

function header(result: MetricsResult): string {
  if (!isPrediction(result)) return `EMF events: ${result.eventsFile}\n`;
  const lines = [`Collector config: ${result.configFile}`, `Collector: ADOT ${result.collectorVersion} (contrib ${result.profile.contribVersion}, profile ${result.profile.label})`];
  if (result.collectorVersionRule) lines.push(`Version: ${result.collectorVersionRule}`);
  if (result.scrape) lines.push(`Scrape: ${result.scrape.source} (${result.scrape.format}, ${formatCount(result.scrape.series)} series)`);
  const { replicas, replicasMultiplyMetrics } = result.assumptions;
  lines.push(`Replicas: ${replicas}${replicas > 1 ? (replicasMultiplyMetrics ? ' (each adds its own metrics)' : ' (same metrics; values collide)') : ''}`);
  return `${lines.join('\n')}\n`;
}

function isPrediction(result: MetricsResult): result is MetricsPrediction {
  return !('emfLog' in result);
}

function metricNameRows(identities: MetricSource): string[][] {
  const byName = new Map<string, Map<string, number>>();
  // Identities share their name arrays (one per dimension-set shape), so each set's label is built once per array.
  const setLabels = new WeakMap<readonly string[], string>();
  identities((_namespace, metricName, names) => {
    let sets = byName.get(metricName);
    if (!sets) byName.set(metricName, (sets = new Map<string, number>()));
    let set = setLabels.get(names);
    if (set === undefined) setLabels.set(names, (set = `[${[...names].sort(compareStrings).join(',')}]`));
    sets.set(set, (sets.get(set) ?? 0) + 1);
  });
  return [...byName.entries()]
    .map(([name, sets]) => ({ name, total: [...sets.values()].reduce((a, b) => a + b, 0), sets }))
    .sort((a, b) => b.total - a.total || compareStrings(a.name, b.name))
    .map(({ name, total, sets }) => {
      const entries = [...sets.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
      const shown = entries.slice(0, MAX_SETS_SHOWN).map(([set, count]) => `${set} ×${count}`);
      if (entries.length > MAX_SETS_SHOWN) shown.push(`… ${entries.length - MAX_SETS_SHOWN} more`);
      return [name, formatCount(total), shown.join('  ')];
    });
}

function emfSection(result: MetricsResult): string {
  if (!isPrediction(result)) {
    const log = result.emfLog;
    return `EMF events: ${formatCount(log.events)} (${formatCount(log.eventsWithMetrics)} with metrics, ${formatCount(log.eventsWithoutDirective)} without a directive, ${formatCount(log.invalidEvents)} invalid), ${formatBytes(log.bytes)}\n`;
  }
  const { emf } = result;
  if (emf.eventsPerScrape === 0) {
    return result.summary.customMetrics > 0
      ? 'EMF log volume: not sized for these metrics (only prometheus-receiver scrapes are)\n'
      : 'EMF log volume: no events\n';
  }
  const rows = [
    ['per scrape', formatCount(emf.eventsPerScrape), formatBytes(emf.bytesPerScrape), formatBytes(emf.bytesPerScrapeWithOverhead)],
    [`per month (${result.assumptions.daysPerMonth} days)`, formatCount(emf.eventsPerMonth), formatBytes(emf.bytesPerMonth), formatBytes(emf.bytesPerMonthWithOverhead)],
  ];
  return `EMF log volume${emf.logGroups.length > 0 ? ` to ${emf.logGroups.join(', ')}` : ''}\n${renderTextTable(
    [{ header: '' }, { header: 'Events', align: 'right' }, { header: 'Bytes', align: 'right' }, { header: 'Incl. 26 B/event', align: 'right' }],
    rows,
  )}`;
}


