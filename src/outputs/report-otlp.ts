/**
 * The cost report's Classic-vs-OpenTelemetry comparison, per collector: custom metrics (metric-months) and EMF logs on
 * the Classic path beside OTLP ingestion (GB), for what a collector sends over OTLP and, for awsemf collectors, what
 * the same series would cost over OTLP. An unknown OTLP price is printed as unknown with the refresh command.
 */
import type { CollectorReport, CostReport, OtlpCost } from '../analysis/report/cost-report.js';
import { formatUsd } from '../analysis/cost/money.js';

export interface ComparisonRow {
  readonly config: string;
  /** `sends OTLP` (the collector's own OTLP export) or `if over OTLP` (its awsemf data, had it gone over OTLP). */
  readonly basis: string;
  readonly classic: string;
  readonly otlp: string;
}

export function comparisonRows(report: CostReport): ComparisonRow[] {
  return report.collectors.flatMap((collector) => {
    const rows: ComparisonRow[] = [];
    const classic = collector.metrics > 0 || collector.emfLogsMonthlyUSD > 0 ? classicCell(collector) : '-';
    if (collector.otlp) rows.push({ config: collector.config, basis: 'sends OTLP', classic, otlp: otlpCell(collector.otlp) });
    if (collector.otlpEquivalent) rows.push({ config: collector.config, basis: 'if over OTLP', classic, otlp: otlpCell(collector.otlpEquivalent) });
    return rows;
  });
}

function classicCell(collector: CollectorReport): string {
  return `${collector.metrics} metrics ${formatUsd(collector.monthlyUSD)} + EMF logs ${formatUsd(collector.emfLogsMonthlyUSD)}`;
}

export function otlpCell(cost: OtlpCost): string {
  const volume = `${cost.series} series, ${formatGb(cost.gbPerMonth)} GB`;
  return cost.monthlyUSD === null ? `${volume}, price unknown` : `${volume} ${formatUsd(cost.monthlyUSD)}`;
}

/** The one line that says how to price OTLP when the Price List has no figure, or undefined when it has one. */
export function otlpPriceNote(report: CostReport): string | undefined {
  const unknown = report.collectors.flatMap((c) => [c.otlp, c.otlpEquivalent]).find((cost) => cost?.price.status === 'unknown');
  if (unknown?.price.status !== 'unknown') return undefined;
  return `OTLP ingestion (CW:OTEL:Bytes, per GB) has no known price: ${unknown.price.reason}; to price it: ${unknown.price.fix}`;
}

function formatGb(gb: number): string {
  return gb >= 10 ? gb.toFixed(1) : gb.toFixed(3);
}
