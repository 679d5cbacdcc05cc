/**
 * The cost model: pure functions from usage quantities and a region's prices to monthly USD, with every line carrying
 * the price it used and where that price came from. "What do N metrics cost at the margin of an account that already
 * has M" is `customMetricsMonthlyCost(N, prices, { existingMetrics: M })`: tiers are account-wide, so the same N
 * metrics cost less in a large account.
 */
import { PRICE_FEATURES, PRICE_FEATURE_SPECS, type PriceFeature } from '../../sources/price-list/features.js';
import type { KnownPrice, PriceConfidence, PriceReference, PriceSource, PriceTable } from '../../sources/price-list/prices.js';
import { FREE_ALLOWANCES, FREE_LOGS_GB, FREE_LOGS_ORDER } from './free-tier.js';
import { Decimal, HOURS_PER_MONTH } from './money.js';
import { graduatedCost, rateAt, type TierSegment } from './tiers.js';

/**
 * Monthly usage, one quantity per charge, each in that charge's unit: `customMetrics` in metric-months (prorated),
 * `dashboards` in dashboard-months, alarms in alarm-metric-months, `apiRequests` in requests, `getMetricData` in
 * metrics requested, `logIngestion` and `logsInsightsScanned` in GB, `logStorage` in GB-months.
 */
export type UsageQuantities = Readonly<Partial<Record<PriceFeature, number>>>;

export interface CostOptions {
  /** The account's usage without this workload; new usage is priced at the margin above it. @default - none */
  readonly existing?: UsageQuantities;
  /** Subtract the always-free allowances (account-wide). @default false */
  readonly freeTier?: boolean;
}

export interface PricedLine {
  readonly status: 'priced';
  readonly feature: PriceFeature;
  readonly title: string;
  readonly quantity: number;
  readonly quantityUnit: string;
  /** The part of `quantity` the free tier covers. */
  readonly freeQuantity: number;
  readonly usagetype: string;
  /** Rate of the first unit billed (the marginal rate), as the Price List writes it. */
  readonly unitPriceUSD: string;
  readonly segments: readonly TierSegment[];
  /** Exact cost; round only for display (`roundToCents`, `formatUsd`). */
  readonly usd: number;
  readonly priceSource: PriceSource;
  readonly priceDate: string;
  readonly confidence: PriceConfidence;
  readonly references: readonly PriceReference[];
}

export interface UnpricedLine {
  readonly status: 'unknown';
  readonly feature: PriceFeature;
  readonly title: string;
  readonly quantity: number;
  readonly quantityUnit: string;
  readonly reason: string;
  readonly fix: string;
}

export type CostLine = PricedLine | UnpricedLine;

export interface CostBreakdown {
  readonly region: string;
  readonly priceSource: PriceSource;
  readonly priceDate: string;
  readonly freeTier: boolean;
  /** One line per charge with a non-zero quantity, in the fixed order of PRICE_FEATURES. */
  readonly lines: readonly CostLine[];
  /** Exact sum of the priced lines. */
  readonly totalUsd: number;
  /** False when some quantity has no known price: the total is then a lower bound. */
  readonly complete: boolean;
}

/** Metric-months of `count` metrics that each receive data in `activeHours` of a `hoursPerMonth`-hour month. */
export function metricMonths(count: number, activeHours: number = HOURS_PER_MONTH, hoursPerMonth: number = HOURS_PER_MONTH): number {
  return new Decimal(count).times(Decimal.min(activeHours, hoursPerMonth)).div(hoursPerMonth).toNumber();
}

export function estimateMonthlyCost(usage: UsageQuantities, prices: PriceTable, options: CostOptions = {}): CostBreakdown {
  const existing = options.existing ?? {};
  const free = freeQuantities(usage, existing, options.freeTier === true);
  const lines: CostLine[] = [];
  let total = new Decimal(0);
  for (const feature of PRICE_FEATURES) {
    const quantity = usage[feature] ?? 0;
    if (quantity === 0) continue;
    const line = priceLine(feature, quantity, existing[feature] ?? 0, free[feature], prices);
    if (line.status === 'priced') total = total.plus(line.usd);
    lines.push(line);
  }
  return {
    region: prices.region,
    priceSource: prices.source,
    priceDate: prices.date,
    freeTier: options.freeTier === true,
    lines,
    totalUsd: total.toNumber(),
    complete: lines.every((line) => line.status === 'priced'),
  };
}

export interface CustomMetricsCostOptions {
  /** Metric-months the account already has in this region; the new metrics are priced above them. @default 0 */
  readonly existingMetrics?: number;
  /** Hours each new metric receives data in; fewer than a month prorates. @default hoursPerMonth */
  readonly activeHours?: number;
  /** @default 730 */
  readonly hoursPerMonth?: number;
  /** @default false */
  readonly freeTier?: boolean;
}

/** What `count` custom metrics cost per month in the table's region, at the margin of `existingMetrics`. */
export function customMetricsMonthlyCost(count: number, prices: PriceTable, options: CustomMetricsCostOptions = {}): CostLine {
  const quantity = metricMonths(count, options.activeHours ?? options.hoursPerMonth ?? HOURS_PER_MONTH, options.hoursPerMonth);
  const existing = options.existingMetrics ?? 0;
  const free = freeQuantities({ customMetrics: quantity }, { customMetrics: existing }, options.freeTier === true);
  return priceLine('customMetrics', quantity, existing, free.customMetrics, prices);
}

/**
 * The monthly saving of removing `removed` metrics from an account that has `totalMetrics`: the removed ones are the
 * last units billed, so they save at the account's marginal (cheapest reached) rates.
 */
export function customMetricsSaving(
  removed: number,
  totalMetrics: number,
  prices: PriceTable,
  options: Omit<CustomMetricsCostOptions, 'existingMetrics'> = {},
): CostLine {
  const removedMonths = metricMonths(removed, options.activeHours ?? options.hoursPerMonth ?? HOURS_PER_MONTH, options.hoursPerMonth);
  const remaining = Decimal.max(new Decimal(totalMetrics).minus(removedMonths), 0).toNumber();
  return customMetricsMonthlyCost(removed, prices, { ...options, existingMetrics: remaining });
}

/** "What do N more metrics cost here": the answer `cwdash pricing show --metrics N` prints. */
export interface MetricsQuote {
  readonly region: string;
  readonly metrics: number;
  readonly existingMetrics: number;
  readonly freeTier: boolean;
  readonly line: CostLine;
}

export function quoteCustomMetrics(metrics: number, prices: PriceTable, options: { existingMetrics?: number; freeTier?: boolean } = {}): MetricsQuote {
  const existingMetrics = options.existingMetrics ?? 0;
  const freeTier = options.freeTier === true;
  return { region: prices.region, metrics, existingMetrics, freeTier, line: customMetricsMonthlyCost(metrics, prices, { existingMetrics, freeTier }) };
}

/** The price of one more metric-month in an account at `existingMetrics`, or undefined when unknown. */
export function marginalMetricPrice(prices: PriceTable, existingMetrics = 0): string | undefined {
  const price = prices.prices.customMetrics;
  return price.status === 'known' ? rateAt(price.tiers, existingMetrics) : undefined;
}

function priceLine(feature: PriceFeature, quantity: number, existing: number, free: number | undefined, prices: PriceTable): CostLine {
  const spec = PRICE_FEATURE_SPECS[feature];
  const price = prices.prices[feature];
  const common = { feature, title: spec.title, quantity, quantityUnit: spec.quantityUnit };
  if (price.status === 'unknown') return { status: 'unknown', ...common, reason: price.reason, fix: price.fix };
  const freeQuantity = free ?? 0;
  // The free units are the account's first units; the billed range is what is left of [existing, existing+quantity).
  const from = new Decimal(existing).plus(freeQuantity);
  const to = new Decimal(existing).plus(quantity);
  const cost = graduatedCost(price.tiers, from, to);
  return { status: 'priced', ...common, freeQuantity, ...priced(price, from), segments: cost.segments, usd: cost.usd.toNumber() };
}

function priced(price: KnownPrice, position: Decimal) {
  return {
    usagetype: price.usagetype,
    unitPriceUSD: rateAt(price.tiers, position),
    priceSource: price.source,
    priceDate: price.date,
    confidence: price.confidence,
    references: price.references,
  };
}

/** How much of each new quantity the free tier covers, after the account's existing usage has used its share. */
function freeQuantities(usage: UsageQuantities, existing: UsageQuantities, enabled: boolean): Partial<Record<PriceFeature, number>> {
  if (!enabled) return {};
  const free: Partial<Record<PriceFeature, number>> = {};
  for (const [feature, allowance] of Object.entries(FREE_ALLOWANCES) as [PriceFeature, number][]) {
    const left = Decimal.max(new Decimal(allowance).minus(existing[feature] ?? 0), 0);
    free[feature] = Decimal.min(left, usage[feature] ?? 0).toNumber();
  }
  let pool = Decimal.max(
    FREE_LOGS_ORDER.reduce((left, feature) => left.minus(existing[feature] ?? 0), new Decimal(FREE_LOGS_GB)),
    0,
  );
  for (const feature of FREE_LOGS_ORDER) {
    const covered = Decimal.min(pool, usage[feature] ?? 0);
    free[feature] = covered.toNumber();
    pool = pool.minus(covered);
  }
  return free;
}
