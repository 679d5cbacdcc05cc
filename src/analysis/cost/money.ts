/**
 * Money maths. Every amount is computed exactly in decimal (Price List prices are 10-decimal strings; floats would
 * drift), and rounded exactly once, when shown: half-up to whole cents, which is how the published examples are
 * written ($0.0699.. → $0.07, $1.728 → $1.73).
 */
import { Decimal } from 'decimal.js';

export { Decimal };

/**
 * Money in the report's JSON: US dollars as a decimal string rounded once, half-up, to the cent (`"43.20"`), the way
 * Infracost's JSON writes costs; `null` when a price is unknown (never 0).
 */
export type Usd = string | null;

/** `"1234.57"`: the exact amount rounded once, half-up, to cents. */
export function toCents(usd: Decimal.Value): string {
  return new Decimal(usd).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** The sum of amounts already in cents (exact: no rounding happens). */
export function sumCents(amounts: readonly string[]): string {
  return amounts.reduce((sum, amount) => sum.plus(amount), new Decimal(0)).toFixed(2);
}

/**
 * Splits `total` (rounded once to cents) over parts in proportion to their exact amounts, so the parts' cents add up to
 * the total's exactly: each part is rounded down and the cents left go to the largest remainders (Hamilton's method;
 * ties go to the earlier part, so the split is deterministic).
 */
export function allocateCents(exactParts: readonly Decimal.Value[]): { total: string; parts: string[] } {
  const exact = exactParts.map((part) => new Decimal(part));
  const totalCents = exact.reduce((sum, part) => sum.plus(part), new Decimal(0)).times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  const floors = exact.map((part) => part.times(100).floor());
  let left = totalCents.minus(floors.reduce((sum, part) => sum.plus(part), new Decimal(0))).toNumber();
  const order = exact.map((part, index) => ({ index, remainder: part.times(100).minus(floors[index]!) }));
  order.sort((a, b) => b.remainder.comparedTo(a.remainder) || a.index - b.index);
  const cents = [...floors];
  for (const { index } of order) {
    if (left <= 0) break;
    cents[index] = cents[index]!.plus(1);
    left -= 1;
  }
  return { total: totalCents.div(100).toFixed(2), parts: cents.map((part) => part.div(100).toFixed(2)) };
}

/** `$1,234.57`, or `unknown` for a price no source confirms. */
export function formatMoney(usd: Usd | Decimal): string {
  return usd === null ? 'unknown' : formatUsd(usd);
}

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
