/**
 * The cost report's Classic-vs-OpenTelemetry comparison, per collector: custom metrics (metric-months) and EMF logs on
 * the Classic path beside OTLP ingestion (GB), for what a collector sends over OTLP and, for awsemf collectors, what
 * the same series would cost over OTLP. An unknown OTLP price is printed as unknown with the refresh command.
 */
import type { CollectorReport, CostReport, OtlpCost } from '../analysis/report/cost-report.js';
import { Decimal, formatMoney } from '../analysis/cost/money.js';
import { formatCount } from '../shared/units.js';

export interface ComparisonRow {
  readonly config: string;
  /** `sends OTLP` (its own OTLP export), `if over OTLP` (its awsemf data over OTLP), or a Container Insights mode. */
  readonly basis: string;
  readonly classic: string;
  readonly otlp: string;
}

export function comparisonRows(report: CostReport): ComparisonRow[] {
  return report.collectors.flatMap((collector) => {
    const rows: ComparisonRow[] = [];
    const classic = collector.metrics > 0 || collector.emfLogsMonthlyUSD === null || new Decimal(collector.emfLogsMonthlyUSD).gt(0) ? classicCell(collector) : '-';
    if (collector.otlp) rows.push({ config: collector.config, basis: 'sends OTLP', classic, otlp: otlpCell(collector.otlp) });
    if (collector.otlpEquivalent) rows.push({ config: collector.config, basis: 'if over OTLP', classic, otlp: otlpCell(collector.otlpEquivalent) });
    const insights = collector.containerInsights;
    if (insights) {
      const b = insights.enhancedObservability;
      const c = insights.otelContainerInsights;
      rows.push({ config: collector.config, basis: 'CI enhanced (B)', classic, otlp: `≥ ${b.observationsPerMonth.toLocaleString('en-US')} observations${priceText(b.monthlyUSD)}` });
      rows.push({ config: collector.config, basis: 'OTel CI (C)', classic, otlp: `≥ ${formatGb(c.gbPerMonth)} GB${priceText(c.monthlyUSD)}` });
    }
    return rows;
  });
}

function classicCell(collector: CollectorReport): string {
  return `${formatCount(collector.metrics)} metrics ${formatMoney(collector.monthlyUSD)} + EMF logs ${formatMoney(collector.emfLogsMonthlyUSD)}`;
}

export function otlpCell(cost: OtlpCost): string {
  return `${formatCount(cost.series)} series, ${formatGb(cost.gbPerMonth)} GB${priceText(cost.monthlyUSD)}`;
}

function priceText(usd: string | null): string {
  return usd === null ? ', price unknown' : ` ${formatMoney(usd)}`;
}

/** The one line that says how to price OTLP when the Price List has no figure, or undefined when it has one. */
export function otlpPriceNote(report: CostReport): string | undefined {
  const charges: [string, PricedLike | undefined][] = report.collectors.flatMap((c) => [
    ['OTLP ingestion (CW:OTEL:Bytes)', c.otlp ?? c.otlpEquivalent],
    ['OTel Container Insights (CW:OTEL:Bytes:EKS-CI)', c.containerInsights?.otelContainerInsights],
    ['enhanced observability (ObservationUsage)', c.containerInsights?.enhancedObservability],
  ] as [string, PricedLike | undefined][]);
  const unknown = charges.filter(([, cost]) => cost?.price.status === 'unknown');
  const first = unknown[0]?.[1]?.price;
  if (first?.status !== 'unknown') return undefined;
  const names = [...new Set(unknown.map(([name]) => name))].join(', ');
  return `no known price for ${names} (shown as unknown, not added to totals): ${first.reason}; to price: ${first.fix}`;
}

type PricedLike = Pick<OtlpCost, 'price'>;

function formatGb(gb: number): string {
  return gb >= 10 ? gb.toFixed(1) : gb.toFixed(3);
}
