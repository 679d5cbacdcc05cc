/**
 * `--format json` of `cwdash pricing show` and `pricing refresh`: stable keys, `schemaVersion`, machine paths left out
 * so the output is the same on every machine.
 */
import { PRICE_FEATURE_SPECS } from '../sources/price-list/features.js';
import type { Price, PriceTable } from '../sources/price-list/prices.js';
import type { PriceChange } from '../sources/price-list/price-changes.js';
import type { RefreshResult } from '../sources/price-list/refresh.js';
import { stableStringify } from '../shared/json.js';
import type { MetricsQuote } from '../analysis/cost/model.js';
import { roundToCents } from '../analysis/cost/money.js';

export const PRICING_JSON_SCHEMA_VERSION = 1;

export function renderPriceTablesJson(tables: readonly PriceTable[], quotes: readonly MetricsQuote[] = []): string {
  return stableStringify({
    schemaVersion: PRICING_JSON_SCHEMA_VERSION,
    regions: tables.map((table) => ({
      region: table.region,
      source: table.source,
      date: table.date,
      prices: Object.values(table.prices).map(priceJson),
      estimate: quoteJson(quotes.find((quote) => quote.region === table.region)),
    })),
  });
}

/** The quote with its exact USD and the same figure rounded to cents; absent when none was asked for. */
function quoteJson(quote: MetricsQuote | undefined) {
  if (!quote) return undefined;
  const { line, region: _region, ...request } = quote;
  if (line.status === 'unknown') return { ...request, status: 'unknown', reason: line.reason, fix: line.fix };
  return { ...request, status: 'priced', usd: line.usd, usdRounded: roundToCents(line.usd), freeQuantity: line.freeQuantity, segments: line.segments };
}

function priceJson(price: Price) {
  const spec = PRICE_FEATURE_SPECS[price.feature];
  const common = { feature: price.feature, title: spec.title, quantityUnit: spec.quantityUnit, status: price.status };
  if (price.status === 'unknown') return { ...common, reason: price.reason, fix: price.fix };
  return {
    ...common,
    usagetype: price.usagetype,
    unit: price.unit,
    tiers: price.tiers.map((tier) => ({ begin: tier.begin, end: tier.end, usdPerUnit: tier.usdPerUnit })),
    source: price.source,
    date: price.date,
    confidence: price.confidence,
    references: price.references,
  };
}

export function renderRefreshJson(result: RefreshResult): string {
  return stableStringify({
    schemaVersion: PRICING_JSON_SCHEMA_VERSION,
    changes: result.changes.map((change) => ({ ...change, before: change.before ?? 'unknown', after: change.after ?? 'unknown' })),
    regions: result.regions.map((region) => ({
      region: region.region,
      products: region.products,
      priced: region.found,
      missing: region.missing,
    })),
  });
}
