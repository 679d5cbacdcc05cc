/**
 * CloudWatch's OpenTelemetry path priced (docs/sources.md#otel-metrics): OTLP ingestion per GB (`CW:OTEL:Bytes`), no charge
 * per series; OTel Container Insights per GB (`CW:OTEL:Bytes:EKS-CI`); enhanced observability per observation
 * (`ObservationUsage`, tiered). Prices come from the Price List (snapshot or `cwdash pricing refresh`); when neither
 * has one, the cost is `null` with the reason and the refresh command, never a guess.
 */
import type { ContainerInsightsModes } from '../../model/container-insights-modes.js';
import type { OtlpVolume } from '../../model/otlp-prediction.js';
import type { PriceFeature } from '../../sources/price-list/features.js';
import type { PriceTable } from '../../sources/price-list/prices.js';
import { estimateMonthlyCost } from '../cost/model.js';
import { Decimal, toCents } from '../cost/money.js';

/** A GB as 10^9 bytes: whether OTLP bytes are billed per 10^9 or 2^30 is unconfirmed, and 10^9 does not under-price. */
export const OTLP_BYTES_PER_GB = 1e9;

export type PriceUsed =
  | { readonly status: 'known'; readonly usagetype: string; readonly usdPerUnit: string; readonly source: string; readonly date: string }
  | { readonly status: 'unknown'; readonly reason: string; readonly fix: string };

export interface PricedQuantity {
  /** Per month in cents (`"1.23"`, rounded once); `null` when the price is unknown. */
  readonly monthlyUSD: string | null;
  readonly price: PriceUsed;
}

export interface OtlpCost extends PricedQuantity {
  readonly series: number;
  readonly dataPointsPerMonth: number;
  readonly bytesPerMonth: number;
  readonly gbPerMonth: number;
  /** For a collector that sends OTLP: the series no PromQL chart, alarm or Grafana query reads, and their bytes. */
  readonly unreadSeries?: number | undefined;
  readonly unreadBytesPerMonth?: number | undefined;
}

export interface ContainerInsightsCost {
  readonly enhancedObservability: PricedQuantity & { readonly observationsPerMonth: number };
  readonly otelContainerInsights: PricedQuantity & { readonly bytesPerMonth: number; readonly gbPerMonth: number };
}

/** `quantity` (in the feature's Price List unit) priced through its tiers, or unknown. */
export function priceQuantity(feature: PriceFeature, quantity: number, prices: PriceTable, freeTier: boolean): PricedQuantity {
  const price = prices.prices[feature];
  if (price.status === 'unknown') return { monthlyUSD: null, price: { status: 'unknown', reason: price.reason, fix: price.fix } };
  const line = estimateMonthlyCost({ [feature]: quantity }, prices, { freeTier }).lines[0];
  return {
    monthlyUSD: line?.status === 'priced' ? toCents(line.usd) : null,
    price: { status: 'known', usagetype: price.usagetype, usdPerUnit: price.tiers[0]!.usdPerUnit, source: price.source, date: price.date },
  };
}

function gb(bytes: number): number {
  return new Decimal(bytes).div(OTLP_BYTES_PER_GB).toNumber();
}

export function otlpCost(volume: OtlpVolume, prices: PriceTable, freeTier: boolean): OtlpCost {
  const gbPerMonth = gb(volume.bytesPerMonth);
  return {
    series: volume.series, dataPointsPerMonth: volume.dataPointsPerMonth, bytesPerMonth: volume.bytesPerMonth, gbPerMonth,
    ...priceQuantity('otelIngestion', gbPerMonth, prices, freeTier),
  };
}

export function containerInsightsCost(modes: ContainerInsightsModes, prices: PriceTable, freeTier: boolean): ContainerInsightsCost {
  const observations = modes.enhancedObservability.observationsPerMonth;
  const { bytesPerMonth } = modes.otelContainerInsights;
  return {
    enhancedObservability: { observationsPerMonth: observations, ...priceQuantity('containerInsightsObservations', observations, prices, freeTier) },
    otelContainerInsights: { bytesPerMonth, gbPerMonth: gb(bytesPerMonth), ...priceQuantity('otelContainerInsights', gb(bytesPerMonth), prices, freeTier) },
  };
}
