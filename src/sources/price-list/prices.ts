/**
 * The prices in use for one region: for each charge cwdash models, the tiers with where they came from (the user's
 * cache from `cwdash pricing refresh`, else the embedded snapshot), or `unknown` with how to get them. A price is never
 * guessed: a region or usage type that no source confirms stays unknown.
 */
import { UsageError } from '../../shared/errors.js';
import { cachedRegionNames, readCachedRegion, resolveCacheDir } from './cache.js';
import { PRICE_FEATURES, PRICE_FEATURE_SPECS, productMatchesFeature, type PriceFeature } from './features.js';
import { itemPrice, type PriceListItem, type PriceTier } from './price-list-item.js';
import { loadSnapshot, SNAPSHOT_FILE, type SnapshotSource } from './snapshot.js';

export type PriceSource = 'snapshot' | 'cache';

/** Confidence of a price: read from the Price List API itself, or the snapshot source's confidence. */
export type PriceConfidence = 'price-list' | 'aws' | 'observed' | 'third-party';

export interface KnownPrice {
  readonly status: 'known';
  readonly feature: PriceFeature;
  readonly usagetype: string;
  /** The Price List unit the tiers are per (`Metrics`, `GB`, `Alarms`, ...). */
  readonly unit: string;
  readonly tiers: readonly PriceTier[];
  readonly source: PriceSource;
  /** The cache's refresh date, or the date of the snapshot source. */
  readonly date: string;
  readonly confidence: PriceConfidence;
  /** Where the figure was read: the snapshot's sources, or the Pricing API endpoint. */
  readonly references: readonly PriceReference[];
}

export interface PriceReference {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly date: string;
}

export interface UnknownPrice {
  readonly status: 'unknown';
  readonly feature: PriceFeature;
  /** Why there is no price, e.g. "no confirmed price for eu-west-1". */
  readonly reason: string;
  /** How to get one. */
  readonly fix: string;
}

export type Price = KnownPrice | UnknownPrice;

export interface PriceTable {
  readonly region: string;
  /** `cache` when the region has been refreshed (prices missing from the cache still come from the snapshot). */
  readonly source: PriceSource;
  /** Date of that source: the refresh timestamp, or the snapshot date. */
  readonly date: string;
  /** The cache file or the snapshot file. */
  readonly file: string;
  readonly prices: Readonly<Record<PriceFeature, Price>>;
}

export interface LoadPriceTableOptions {
  readonly region: string;
  /** `--cache-dir`; otherwise `CWDASH_CACHE_DIR`, `$XDG_CACHE_HOME/cwdash`, `~/.cache/cwdash`. */
  readonly cacheDir?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function assertRegionCode(region: string): void {
  if (!REGION_CODE.test(region)) {
    throw new UsageError(`"${region}" is not an AWS region code`, { fix: 'use a code such as us-east-1 or ap-northeast-1' });
  }
}

/**
 * The regions a pricing command works on: the ones asked for (validated, sorted, deduplicated), else every region the
 * snapshot or the cache has prices for.
 */
export async function pricedRegions(cacheDir: string, requested: readonly string[]): Promise<string[]> {
  requested.forEach(assertRegionCode);
  if (requested.length > 0) return [...new Set(requested)].sort();
  const snapshot = await loadSnapshot();
  const known = [...snapshot.items.map((entry) => entry.item.product.attributes.regionCode ?? ''), ...(await cachedRegionNames(cacheDir))];
  return [...new Set(known)].filter((region) => region !== '').sort();
}

export async function loadPriceTable(options: LoadPriceTableOptions): Promise<PriceTable> {
  assertRegionCode(options.region);
  const cacheDir = resolveCacheDir(options);
  const [snapshot, cached] = await Promise.all([loadSnapshot(), readCachedRegion(cacheDir, options.region)]);
  const layers: PriceLayer[] = [];
  if (cached) {
    const reference = { id: 'price-list-api', title: `AWS Price List API (${cached.endpoint})`, url: cached.endpoint, date: cached.fetchedAt };
    layers.push({
      source: 'cache',
      items: cached.items.map((item) => ({ item, date: cached.fetchedAt, confidence: 'price-list', references: [reference] })),
    });
  }
  layers.push({
    source: 'snapshot',
    items: snapshot.items.map((entry) => ({
      item: entry.item,
      date: entry.date,
      confidence: entry.confidence,
      references: entry.sources.map(referenceOf),
    })),
  });
  return {
    region: options.region,
    source: cached ? 'cache' : 'snapshot',
    date: cached ? cached.fetchedAt : snapshot.snapshotDate,
    file: cached ? cached.file : SNAPSHOT_FILE,
    prices: resolvePrices(options.region, layers),
  };
}

function referenceOf(source: SnapshotSource): PriceReference {
  return { id: source.id, title: source.title, url: source.url, date: source.date };
}

/** Items of one origin, each with its provenance; earlier layers win. */
export interface PriceLayer {
  readonly source: PriceSource;
  readonly items: readonly {
    readonly item: PriceListItem;
    readonly date: string;
    readonly confidence: PriceConfidence;
    readonly references: readonly PriceReference[];
  }[];
}

/** The item of `region` that prices `feature`: region-filtered, or `location: Any` for account-global products. */
export function itemAppliesTo(item: PriceListItem, feature: PriceFeature, region: string): boolean {
  const attributes = item.product.attributes;
  const inRegion = PRICE_FEATURE_SPECS[feature].global ? attributes.location === 'Any' : attributes.regionCode === region;
  return inRegion && productMatchesFeature(item.product, feature);
}

/** Pure: picks each feature's price from the first layer that has exactly one matching product. */
export function resolvePrices(region: string, layers: readonly PriceLayer[]): Record<PriceFeature, Price> {
  const entries = PRICE_FEATURES.map((feature): [PriceFeature, Price] => [feature, resolveFeature(region, feature, layers)]);
  return Object.fromEntries(entries) as Record<PriceFeature, Price>;
}

function resolveFeature(region: string, feature: PriceFeature, layers: readonly PriceLayer[]): Price {
  const spec = PRICE_FEATURE_SPECS[feature];
  const refresh = `run \`cwdash pricing refresh --region ${region}\` (needs pricing:GetProducts)`;
  for (const layer of layers) {
    const matches = layer.items.filter((entry) => itemAppliesTo(entry.item, feature, region));
    if (matches.length === 0) continue;
    if (matches.length > 1) {
      const usagetypes = matches.map((entry) => entry.item.product.attributes.usagetype).sort().join(', ');
      return { status: 'unknown', feature, reason: `${matches.length} ${layer.source} products match (${usagetypes})`, fix: refresh };
    }
    const match = matches[0]!;
    const price = itemPrice(match.item, { path: `${layer.source}: ${match.item.product.attributes.usagetype}` });
    if (!spec.units.includes(price.unit)) {
      return {
        status: 'unknown',
        feature,
        reason: `${price.usagetype} is priced per "${price.unit}", expected ${spec.units.map((unit) => `"${unit}"`).join(' or ')}`,
        fix: refresh,
      };
    }
    return {
      status: 'known',
      feature,
      usagetype: price.usagetype,
      unit: price.unit,
      tiers: price.tiers,
      source: layer.source,
      date: match.date,
      confidence: match.confidence,
      references: match.references,
    };
  }
  return { status: 'unknown', feature, reason: `no confirmed price for ${spec.global ? 'the account' : region}`, fix: refresh };
}
