/**
 * The OpenTelemetry part of `cwdash metrics` for a terminal: per pipeline the series, data points and billed bytes
 * over OTLP (with the estimate's assumptions), the series by metric name with their PromQL labels, and what
 * CloudWatch's OTLP endpoint would reject.
 */
import type { OtlpPipeline, OtlpSeries, OtlpVolume } from '../model/otlp-prediction.js';
import { renderTextTable } from './text-table.js';

const MAX_NAMES_SHOWN = 12;

export interface Formatters {
  readonly formatCount: (value: number) => string;
  readonly formatBytes: (bytes: number) => string;
}

export function renderOtlpSection(pipelines: readonly OtlpPipeline[], series: readonly OtlpSeries[], summary: OtlpVolume, format: Formatters): string {
  const { formatCount, formatBytes } = format;
  const parts: string[] = [];
  const rows = pipelines.map((pipeline) => [
    pipeline.pipeline,
    pipeline.exporters.map((exporter) => exporter.exporter).join(', '),
    formatCount(pipeline.otlp.series),
    formatCount(pipeline.otlp.dataPointsPerScrape),
    formatBytes(pipeline.otlp.bytesPerScrape),
    formatBytes(pipeline.otlp.bytesPerMonth),
  ]);
  if (pipelines.length > 1) rows.push(['total', '', formatCount(summary.series), formatCount(summary.dataPointsPerScrape), formatBytes(summary.bytesPerScrape), formatBytes(summary.bytesPerMonth)]);
  const targets = [...new Set(pipelines.flatMap((pipeline) => pipeline.exporters.map((exporter) => exporter.url)))];
  parts.push(`OTLP to CloudWatch (${targets.join(', ')}): ${formatCount(summary.series)} series, billed per GB ingested\n${renderTextTable(
    [{ header: 'Pipeline' }, { header: 'Exporter' }, { header: 'Series', align: 'right' }, { header: 'Points/scrape', align: 'right' }, { header: 'Bytes/scrape', align: 'right' }, { header: 'Bytes/month', align: 'right' }],
    rows,
  )}`);
  parts.push(`OTLP series by metric name (PromQL labels; @resource.* and @instrumentation.@name on every series)\n${renderTextTable(
    [{ header: 'Metric name' }, { header: 'Type' }, { header: 'Series', align: 'right' }, { header: 'B/point', align: 'right' }, { header: 'Datapoint labels' }],
    seriesRows(series, formatCount),
  )}`);
  const resource = series[0] ? Object.entries(series[0].labels).filter(([label]) => label.startsWith('@')).map(([label, value]) => `${label}="${value}"`) : [];
  if (resource.length > 0) parts.push(`e.g. ${series[0]!.metricName}: ${resource.join(', ')}\n`);
  parts.push(`Assumptions\n${summary.assumptions.map((line) => `- ${line}\n`).join('')}`);
  const findings = pipelines.flatMap((pipeline) => pipeline.findings);
  if (findings.length > 0) {
    parts.push(`What CloudWatch's OTLP endpoint would reject (${findings.length})\n${renderTextTable(
      [{ header: 'Severity' }, { header: 'Where' }, { header: 'Finding' }],
      findings.flatMap((finding) => [[finding.severity, finding.location, finding.message], ['', '', `fix: ${finding.fix}`]]),
    )}`);
  }
  return parts.join('\n');
}

function seriesRows(series: readonly OtlpSeries[], formatCount: (value: number) => string): string[][] {
  const byName = new Map<string, { type: string; count: number; bytes: number; labels: Set<string> }>();
  for (const entry of series) {
    const known = byName.get(entry.metricName) ?? { type: entry.type, count: 0, bytes: 0, labels: new Set<string>() };
    byName.set(entry.metricName, known);
    known.count++;
    known.bytes = Math.max(known.bytes, entry.bytesPerPoint);
    for (const label of Object.keys(entry.labels)) if (!label.startsWith('@')) known.labels.add(label);
  }
  const rows = [...byName.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([name, entry]) => [name, entry.type, formatCount(entry.count), formatCount(entry.bytes), [...entry.labels].sort().join(', ')]);
  if (rows.length > MAX_NAMES_SHOWN) return [...rows.slice(0, MAX_NAMES_SHOWN), [`… ${rows.length - MAX_NAMES_SHOWN} more names`, '', '', '', '']];
  return rows;
}
