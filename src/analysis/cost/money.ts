/**
 * Money maths. Every amount is computed exactly in decimal (Price List prices are 10-decimal strings; floats would
 * drift), and rounded exactly once, when shown: half-up to whole cents, which is how the published examples are
 * written ($0.0699.. → $0.07, $1.728 → $1.73).
 */
import { Decimal } from 'decimal.js';

export { Decimal };

/** Rounds half-up to cents, for display and for comparing with published figures. */
export function roundToCents(usd: Decimal.Value): number {
  return new Decimal(usd).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber();
}

/** `$1,234.57`: cents, half-up, thousands separated (fixed, not locale-dependent). */
export function formatUsd(usd: Decimal.Value): string {
  const cents = new Decimal(usd).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const [whole, fraction] = cents.abs().toFixed(2).split('.') as [string, string];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${cents.isNegative() ? '-' : ''}$${grouped}.${fraction}`;
}

/** Hours in a month as AWS's Pricing Calculator counts them (8,760 / 12). */
export const HOURS_PER_MONTH = 730;

/** Bytes per GB as AWS bills data volumes (GB = 2^30 bytes). */
export const BYTES_PER_GB = 1024 ** 3;
