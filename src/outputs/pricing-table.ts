/** `cwdash pricing show --format table` and the refresh summary: what people read in a terminal. */
import { PRICE_FEATURE_SPECS } from '../sources/price-list/features.js';
import type { PriceReference, PriceTable } from '../sources/price-list/prices.js';
import { compareStrings } from '../shared/json.js';
import type { PriceChange } from '../sources/price-list/price-changes.js';
import type { RefreshResult } from '../sources/price-list/refresh.js';
import type { MetricsQuote } from '../analysis/cost/model.js';
import { formatUsd } from '../analysis/cost/money.js';
import { describeTableSource, describeTiers, formatRate, groupThousands, tierRange } from './pricing-format.js';
import { renderTextTable } from './text-table.js';

export function renderPriceTablesText(tables: readonly PriceTable[], quotes: readonly MetricsQuote[] = []): string {
  return tables.map((table) => renderOne(table) + renderQuote(quotes.find((quote) => quote.region === table.region))).join('\n');
}

/** `Estimate: 5,000 more custom metrics above 20,000: $500.00 a month` and the tiers they fall in. */
function renderQuote(quote: MetricsQuote | undefined): string {
  if (!quote) return '';
  const what = `${groupThousands(String(quote.metrics))} more custom metrics in ${quote.region} above ${groupThousands(String(quote.existingMetrics))}${quote.freeTier ? ', free tier applied' : ''}`;
  const line = quote.line;
  if (line.status === 'unknown') return `Estimate: ${what}: unknown (${line.reason}); ${line.fix}\n`;
  const segments = line.segments.map((segment) => `  ${groupThousands(String(segment.quantity))} x ${formatRate(segment.usdPerUnit)} (${tierRange(segment, false)}) = ${formatUsd(segment.usd)}\n`);
  const free = line.freeQuantity > 0 ? `  ${groupThousands(String(line.freeQuantity))} free\n` : '';
  return `Estimate: ${what}: ${formatUsd(line.usd)} a month\n${free}${segments.join('')}`;
}

function renderOne(table: PriceTable): string {
  const rows = Object.values(table.prices).map((price) => {
    const title = PRICE_FEATURE_SPECS[price.feature].title;
    if (price.status === 'unknown') return [title, '-', `unknown: ${price.reason}`, ''];
    const from = price.source === 'cache' ? `Price List API, ${price.date}` : `${price.references.map((reference) => reference.id).join(', ')} (${price.confidence}), ${price.date}`;
    return [title, price.usagetype, describeTiers(price).join('\n'), from];
  });
  const heading = `${table.region}: ${describeTableSource(table)} (${table.file})\n`;
  const body = renderTextTable([{ header: 'CHARGE' }, { header: 'USAGE TYPE' }, { header: 'PRICE' }, { header: 'SOURCE' }], rows);
  const unknown = Object.values(table.prices).filter((price) => price.status === 'unknown');
  const fixes = [...new Set(unknown.map((price) => price.fix))].join('; ');
  const footer =
    unknown.length === 0
      ? ''
      : `${unknown.length} charge(s) unknown in ${table.region}, left out of cost totals rather than guessed; to price them: ${fixes}\n`;
  return heading + body + footer + renderSources(table);
}

/** The sources the table cites, so every figure can be checked: `  S-ROUGH  title  url (date)`. */
function renderSources(table: PriceTable): string {
  const cited = new Map<string, PriceReference>();
  for (const price of Object.values(table.prices)) {
    if (price.status === 'known' && price.source === 'snapshot') for (const reference of price.references) cited.set(reference.id, reference);
  }
  if (cited.size === 0) return '';
  const lines = [...cited.values()]
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((reference) => `  ${reference.id}: ${reference.title}, ${reference.url} (${reference.date})\n`);
  return `Sources:\n${lines.join('')}`;
}

export function renderRefreshText(result: RefreshResult): string {
  const rows = result.regions.map((region) => [
    region.region,
    String(region.products),
    String(region.found.length),
    region.missing.length === 0 ? '-' : region.missing.map((feature) => PRICE_FEATURE_SPECS[feature].title).join('\n'),
  ]);
  const table = renderTextTable(
    [{ header: 'REGION' }, { header: 'PRODUCTS', align: 'right' }, { header: 'PRICED', align: 'right' }, { header: 'MISSING (snapshot or unknown)' }],
    rows,
  );
  const changed =
    result.changes.length === 0
      ? 'No price changed against the prices in use before.\n'
      : `Prices that changed against the ones in use before:\n${result.changes.map(describeChange).join('')}`;
  return `${table}${result.files.length} cache file(s) written.\n${changed}`;
}

function describeChange(change: PriceChange): string {
  const tiers = (value: PriceChange['before']) =>
    value === null
      ? 'unknown'
      : value.map((tier) => `${formatRate(tier.usdPerUnit)}${value.length > 1 ? ` ${tierRange(tier, false)}` : ''}`).join(', ');
  return `  ${change.region} ${PRICE_FEATURE_SPECS[change.feature].title}: ${tiers(change.before)} -> ${tiers(change.after)}\n`;
}
