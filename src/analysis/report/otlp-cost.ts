/**
 * CloudWatch's OpenTelemetry path priced (otel-metrics.md §2): OTLP ingestion per GB (`CW:OTEL:Bytes`), no charge
 * per series. The price comes from the Price List (snapshot or `cwdash pricing refresh`); when neither has it, the
 * cost is `null` with the reason and the refresh command, never a guess.
 */
import type { OtlpVolume } from '../../model/otlp-prediction.js';
import type { PriceTable } from '../../sources/price-list/prices.js';
import { estimateMonthlyCost } from '../cost/model.js';
import { Decimal } from '../cost/money.js';

/** A GB as 10^9 bytes: whether OTLP bytes are billed per 10^9 or 2^30 is unconfirmed, and 10^9 does not under-price. */
export const OTLP_BYTES_PER_GB = 1e9;

export interface OtlpCost {
  readonly series: number;
  readonly dataPointsPerMonth: number;
  readonly bytesPerMonth: number;
  readonly gbPerMonth: number;
  /** Ingestion per month; `null` when the price is unknown. */
  readonly monthlyUSD: number | null;
  readonly price:
    | { readonly status: 'known'; readonly usagetype: string; readonly usdPerGB: string; readonly source: string; readonly date: string }
    | { readonly status: 'unknown'; readonly reason: string; readonly fix: string };
}

export function otlpCost(volume: OtlpVolume, prices: PriceTable, freeTier: boolean): OtlpCost {
  const gb = new Decimal(volume.bytesPerMonth).div(OTLP_BYTES_PER_GB).toNumber();
  const common = { series: volume.series, dataPointsPerMonth: volume.dataPointsPerMonth, bytesPerMonth: volume.bytesPerMonth, gbPerMonth: gb };
  const price = prices.prices.otelIngestion;
  if (price.status === 'unknown') return { ...common, monthlyUSD: null, price: { status: 'unknown', reason: price.reason, fix: price.fix } };
  const line = estimateMonthlyCost({ otelIngestion: gb }, prices, { freeTier }).lines[0];
  const usd = line?.status === 'priced' ? line.usd : 0;
  return {
    ...common,
    monthlyUSD: usd,
    price: { status: 'known', usagetype: price.usagetype, usdPerGB: price.tiers[0]!.usdPerUnit, source: price.source, date: price.date },
  };
}
