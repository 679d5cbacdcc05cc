/**
 * The sentences every rendering of the cost report shares (table, Markdown, HTML, SARIF), so an unknown price reads
 * the same everywhere: the amount says `unknown`, the total says it is incomplete, what is missing and the command
 * that fetches the price.
 */
import { Decimal, formatMoney, type Usd } from '../analysis/cost/money.js';
import type { CostReport, FixSummary } from '../analysis/report/cost-report.js';
import { formatCount } from '../shared/units.js';

/** `ap-northeast-1 from the snapshot of 2026-11-24, eu-west-1 from the cache of 2026-12-01`. */
export function pricesLine(report: CostReport): string {
  return report.prices.map((table) => `${table.region} from the ${table.source} of ${table.date}`).join(', ');
}

/** The total as a reader should take it: the amount, or `unknown` with the priced part as a lower bound. */
export function totalText(report: CostReport): string {
  const { totals } = report;
  return totals.complete ? formatMoney(totals.monthlyUSD) : `unknown (at least ${formatMoney(totals.pricedMonthlyUSD)})`;
}

/** One line per charge left out of the total, or none when the total is complete. */
export function incompleteLines(report: CostReport): string[] {
  return report.totals.unpriced.map(
    (charge) => `the total is incomplete: no price for ${charge.charge} in ${charge.region} (${formatCount(charge.quantity, 3)} ${charge.unit}); ${charge.fix}`,
  );
}

/** What a saving is worth in a findings table: `-` for nothing saved, `unknown` when a price is missing. */
export function savingText(saving: Usd): string {
  if (saving === null) return 'unknown';
  return new Decimal(saving).gt(0) ? formatMoney(saving) : '-';
}

/** `38 / $11.40`: the count and cost after the fix. */
export function afterFixText(fix: FixSummary | undefined): string {
  return fix ? `${formatCount(fix.after.metrics)} / ${formatMoney(fix.after.monthlyUSD)}` : '-';
}

/** Before minus after, or unknown when either is. */
export function fixSavingText(fix: FixSummary | undefined): string {
  if (!fix) return '-';
  const { before, after } = fix;
  return before.monthlyUSD === null || after.monthlyUSD === null ? 'unknown' : formatMoney(new Decimal(before.monthlyUSD).minus(after.monthlyUSD));
}
