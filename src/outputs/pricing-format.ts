/** Wording shared by the pricing renderers: how a tiered price and its provenance read to a person. */
import { Decimal } from 'decimal.js';
import { PRICE_FEATURE_SPECS, type PriceFeature } from '../sources/price-list/features.js';
import type { PriceTier } from '../sources/price-list/price-list-item.js';
import type { KnownPrice, PriceTable } from '../sources/price-list/prices.js';

/** `metric-months` → `metric-month`: the unit one price applies to. */
function perUnitLabel(feature: PriceFeature): string {
  const unit = PRICE_FEATURE_SPECS[feature].quantityUnit;
  return unit.endsWith('s') ? unit.slice(0, -1) : unit;
}

/** `1234567.5` → `1,234,567.5` (fixed, not locale-dependent). */
export function groupThousands(value: string): string {
  const [whole, fraction] = value.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** `$0.3` → `$0.30`; sub-cent prices keep every digit: `$0.00001`. */
export function formatRate(usdPerUnit: string): string {
  const rate = new Decimal(usdPerUnit);
  return `$${groupThousands(rate.toFixed(Math.max(2, rate.decimalPlaces())))}`;
}

/** Prices too small to read per unit (requests, metrics requested) also read per 1,000: ` ($0.01 per 1,000)`. */
function perThousand(usdPerUnit: string): string {
  const rate = new Decimal(usdPerUnit);
  return rate.isZero() || rate.gte('0.001') ? '' : ` (${formatRate(rate.times(1000).toFixed())} per 1,000)`;
}

/** `first 10,000`, `10,000 to 250,000`, `over 1,000,000`, or nothing for a flat price. */
export function tierRange(tier: PriceTier, single: boolean): string {
  if (single) return '';
  if (tier.end === null) return `over ${groupThousands(tier.begin)}`;
  if (new Decimal(tier.begin).isZero()) return `first ${groupThousands(tier.end)}`;
  return `${groupThousands(tier.begin)} to ${groupThousands(tier.end)}`;
}

/** One line per tier: `$0.30 per metric-month, first 10,000`. */
export function describeTiers(price: KnownPrice): string[] {
  const single = price.tiers.length === 1;
  return price.tiers.map((tier) => {
    const range = tierRange(tier, single);
    return `${formatRate(tier.usdPerUnit)} per ${perUnitLabel(price.feature)}${perThousand(tier.usdPerUnit)}${range ? `, ${range}` : ''}`;
  });
}

/** `cache, refreshed 2026-11-24T10:00:00.000Z` or `embedded snapshot of 2026-11-24`. */
export function describeTableSource(table: PriceTable): string {
  return table.source === 'cache' ? `price cache refreshed ${table.date}` : `embedded snapshot of ${table.date}`;
}
