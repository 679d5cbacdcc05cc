/**
 * `cwdash pricing refresh`: downloads the CloudWatch products of each region (regionCode filter, every page) plus the
 * account-global dashboard product, keeps the ones cwdash prices, validates them, and writes the cache in one
 * all-or-nothing step. Nothing is written unless every region downloaded and validated, so a failed refresh leaves the
 * previous cache intact.
 */
import { AwsError, CwdashError } from '../../shared/errors.js';
import { writeCache, type NewCacheEntry } from './cache.js';
import { PRICE_FEATURES, PRICE_FEATURE_SPECS, featureOfProduct, type PriceFeature } from './features.js';
import { itemPrice, priceListItemSchema, validatePriceListItem, type PriceListItem } from './price-list-item.js';
import { comparePriceTables, type PriceChange } from './price-changes.js';
import { itemAppliesTo, loadPriceTable, type PriceTable } from './prices.js';
import type { PriceListClient, ProductFilter } from './pricing-client.js';
import { parseBoundedJson } from '../../shared/input-limits.js';

export interface RefreshOptions {
  readonly regions: readonly string[];
  readonly client: PriceListClient;
  readonly cacheDir: string;
  /** The refresh timestamp recorded in the cache. */
  readonly now: Date;
  /** Problems that do not stop the refresh (a malformed product cwdash does not use, a missing usage type). */
  readonly warn: (message: string) => void;
}

export interface RegionRefresh {
  readonly region: string;
  /** Products the API returned for the region. */
  readonly products: number;
  readonly found: readonly PriceFeature[];
  readonly missing: readonly PriceFeature[];
}

export interface RefreshResult {
  readonly files: readonly string[];
  readonly regions: readonly RegionRefresh[];
  /** Charges whose price in use differs from before the refresh. */
  readonly changes: readonly PriceChange[];
}

/**
 * The dashboard products are account-global: `location = Any` and an empty regionCode, as observed in Price List
 * output (and queried that way by aws-rough-functions' `src/services/cloudwatch.ts`), so a regionCode filter misses them.
 */
const GLOBAL_FILTERS: readonly ProductFilter[] = [
  { field: 'location', value: 'Any' },
  { field: 'usagetype', value: 'DashboardsUsageHour' },
];

export async function refreshPrices(options: RefreshOptions): Promise<RefreshResult> {
  const before = await Promise.all(options.regions.map((region) => previousPrices(region, options.cacheDir)));
  const global = await download(options, GLOBAL_FILTERS, 'the account-global products');
  const entries: NewCacheEntry[] = [];
  const regions: RegionRefresh[] = [];
  for (const region of options.regions) {
    const products = await download(options, [{ field: 'regionCode', value: region }], region);
    if (products.total === 0) {
      options.warn(`the Price List has no CloudWatch products for ${region}; is it a region code? nothing cached for it`);
      continue;
    }
    const items = [...global.items, ...products.items];
    const found = PRICE_FEATURES.filter((feature) => checkFeature(items, feature, region, options.warn));
    const missing = PRICE_FEATURES.filter((feature) => !found.includes(feature));
    for (const feature of missing) options.warn(`${region}: no usable Price List product for ${PRICE_FEATURE_SPECS[feature].title}`);
    entries.push({ region, fetchedAt: options.now.toISOString(), endpoint: options.client.endpoint, items });
    regions.push({ region, products: products.total, found, missing });
  }
  if (entries.length === 0) {
    throw new AwsError('no prices were downloaded; the cache is unchanged', { fix: 'name regions the Price List knows, e.g. --region us-east-1' });
  }
  const files = await writeCache(options.cacheDir, entries);
  const changes: PriceChange[] = [];
  for (const previous of before) {
    if (previous === undefined || !entries.some((entry) => entry.region === previous.region)) continue;
    changes.push(...comparePriceTables(previous, await loadPriceTable({ region: previous.region, cacheDir: options.cacheDir, env: {} })));
  }
  return { files, regions, changes };
}

/** The prices in use before the refresh. A damaged cache is what a refresh repairs, so it only skips the comparison. */
async function previousPrices(region: string, cacheDir: string): Promise<PriceTable | undefined> {
  try {
    return await loadPriceTable({ region, cacheDir, env: {} });
  } catch (error) {
    if (error instanceof CwdashError) return undefined;
    throw error;
  }
}

interface Download {
  readonly total: number;
  /** The products cwdash prices, trimmed. */
  readonly items: PriceListItem[];
}

async function download(options: RefreshOptions, filters: readonly ProductFilter[], what: string): Promise<Download> {
  const items: PriceListItem[] = [];
  let total = 0;
  let pageNumber = 0;
  for await (const page of options.client.getProducts(filters)) {
    pageNumber += 1;
    for (const [index, text] of page.entries()) {
      total += 1;
      const path = `GetProducts ${filters.map((filter) => `${filter.field}=${filter.value}`).join(',')} page ${pageNumber} item ${index + 1}`;
      const item = parseRelevant(text, path, options.warn);
      if (item) items.push(item);
    }
  }
  if (filters === GLOBAL_FILTERS && total === 0) options.warn(`the Price List returned no ${what}; dashboards keep their snapshot price`);
  return { total, items };
}

/**
 * The item if it prices something cwdash uses. A malformed product cwdash does not use is skipped with a warning; a
 * malformed one it needs (or one too broken to tell) fails the refresh, since caching without it would hide a price.
 */
function parseRelevant(text: string, path: string, warn: (message: string) => void): PriceListItem | undefined {
  let value: unknown;
  try {
    value = parseBoundedJson(text);
  } catch (error) {
    throw malformed(`a PriceList element is not JSON (${(error as Error).message})`, path);
  }
  const usagetype = usagetypeOf(value);
  if (usagetype === undefined) throw malformed('a PriceList item has no product.attributes.usagetype', path);
  if (featureOfProduct({ attributes: { ...attributesOf(value), usagetype } }) === undefined) {
    if (!priceListItemSchema.safeParse(value).success) warn(`${path}: skipped a malformed product cwdash does not use (${usagetype})`);
    return undefined;
  }
  try {
    const item = validatePriceListItem(value, { path });
    itemPrice(item, { path });
    return item;
  } catch (error) {
    throw malformed(`the product for ${usagetype} is malformed: ${(error as Error).message}`, path, error);
  }
}

function malformed(message: string, path: string, cause?: unknown): AwsError {
  return new AwsError(message, {
    location: { path },
    fix: 'nothing was written and the previous cache is unchanged; run the refresh again later, or keep using the snapshot',
    cause,
  });
}

function attributesOf(value: unknown): Record<string, string | undefined> {
  const attributes = (value as { product?: { attributes?: unknown } } | null)?.product?.attributes;
  if (attributes === null || typeof attributes !== 'object') return {};
  return Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

function usagetypeOf(value: unknown): string | undefined {
  return attributesOf(value).usagetype;
}

/** Whether exactly one usable product prices `feature` in `region`; says why not otherwise. */
function checkFeature(items: readonly PriceListItem[], feature: PriceFeature, region: string, warn: (message: string) => void): boolean {
  const matches = items.filter((item) => itemAppliesTo(item, feature, region));
  if (matches.length > 1) {
    const usagetypes = matches.map((item) => item.product.attributes.usagetype).sort().join(', ');
    warn(`${region}: ${matches.length} products match ${PRICE_FEATURE_SPECS[feature].title} (${usagetypes}); it stays unknown`);
    return false;
  }
  const match = matches[0];
  if (!match) return false;
  const unit = itemPrice(match, {}).unit;
  if (!PRICE_FEATURE_SPECS[feature].units.includes(unit)) {
    warn(`${region}: ${match.product.attributes.usagetype} is priced per "${unit}", which cwdash does not expect; it stays unknown`);
    return false;
  }
  return true;
}
