/**
 * Graduated (volume) tiers: the units between `from` and `to` are each billed at the rate of the tier they fall in,
 * e.g. an account at 9,000 metrics adding 2,000 pays 1,000 × $0.30 + 1,000 × $0.10.
 */
import { Decimal } from './money.js';
import type { PriceTier } from '../../sources/price-list/price-list-item.js';

export interface TierSegment {
  readonly begin: string;
  readonly end: string | null;
  readonly usdPerUnit: string;
  /** Units billed in this tier. */
  readonly quantity: number;
  readonly usd: number;
}

export interface GraduatedCost {
  readonly usd: Decimal;
  readonly segments: readonly TierSegment[];
}

/** Exact cost of the units in [from, to). */
export function graduatedCost(tiers: readonly PriceTier[], from: Decimal.Value, to: Decimal.Value): GraduatedCost {
  const start = Decimal.max(new Decimal(from), 0);
  const stop = new Decimal(to);
  let usd = new Decimal(0);
  const segments: TierSegment[] = [];
  for (const tier of tiers) {
    const low = Decimal.max(start, tier.begin);
    const high = tier.end === null ? stop : Decimal.min(stop, tier.end);
    if (high.lte(low)) continue;
    const quantity = high.minus(low);
    const cost = quantity.times(tier.usdPerUnit);
    usd = usd.plus(cost);
    segments.push({ begin: tier.begin, end: tier.end, usdPerUnit: tier.usdPerUnit, quantity: quantity.toNumber(), usd: cost.toNumber() });
  }
  return { usd, segments };
}

/** The rate the next unit after `position` is billed at: the marginal price at an account's current volume. */
export function rateAt(tiers: readonly PriceTier[], position: Decimal.Value): string {
  const at = new Decimal(position);
  const tier = tiers.find((candidate) => candidate.end === null || at.lt(candidate.end)) ?? tiers[tiers.length - 1]!;
  return tier.usdPerUnit;
}
