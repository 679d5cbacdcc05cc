/**
 * What a refresh changed: for each region and charge, the tiers in use before and after, when they differ. Prices do
 * change (Lambda log tiers arrived in 2025), and a cost estimate that moved because AWS moved is worth saying out loud.
 */
import { Decimal } from 'decimal.js';
import { PRICE_FEATURES, type PriceFeature } from './features.js';
import type { PriceTier } from './price-list-item.js';
import type { Price, PriceTable } from './prices.js';

export interface PriceChange {
  readonly region: string;
  readonly feature: PriceFeature;
  /** Tiers in use before the refresh; null when the price was unknown. */
  readonly before: readonly PriceTier[] | null;
  readonly after: readonly PriceTier[] | null;
}

/** Pure: the charges whose tiers differ between two tables of the same region, in PRICE_FEATURES order. */
export function comparePriceTables(before: PriceTable, after: PriceTable): PriceChange[] {
  return PRICE_FEATURES.flatMap((feature) => {
    const old = tiersOf(before.prices[feature]);
    const now = tiersOf(after.prices[feature]);
    return sameTiers(old, now) ? [] : [{ region: after.region, feature, before: old, after: now }];
  });
}

function tiersOf(price: Price): readonly PriceTier[] | null {
  return price.status === 'known' ? price.tiers.map(({ begin, end, usdPerUnit }) => ({ begin, end, usdPerUnit })) : null;
}

function sameTiers(a: readonly PriceTier[] | null, b: readonly PriceTier[] | null): boolean {
  if (a === null || b === null) return a === b;
  const same = (x: string | null, y: string | null) => (x === null || y === null ? x === y : new Decimal(x).equals(y));
  return a.length === b.length && a.every((tier, index) => {
    const other = b[index]!;
    return same(tier.begin, other.begin) && same(tier.end, other.end) && same(tier.usdPerUnit, other.usdPerUnit);
  });
}
