/**
 * `cwdash pricing`: the CloudWatch prices in use per region (with an optional estimate for a number of metrics), or
 * refreshing them from the AWS Price List API into the user cache.
 */
import type { MetricsQuote } from '../analysis/cost/model.js';
import { loadProjectConfig } from '../config/project-config.js';
import { resolveCacheDir } from '../sources/price-list/cache.js';
import { loadPriceTable, pricedRegions, type PriceTable } from '../sources/price-list/prices.js';
import type { RefreshResult } from '../sources/price-list/refresh.js';
import type { AwsOptions } from '../sources/aws/options.js';
import { UsageError } from '../shared/errors.js';
import type { AppContext } from './context.js';

export interface PricingOptions extends Pick<AwsOptions, 'profile' | 'endpointUrl'> {
  readonly region?: readonly string[] | undefined;
  readonly cacheDir?: string | undefined;
  readonly apiRegion: string;
  /** show: also estimate what this many more custom metrics cost per month. */
  readonly metrics?: number | undefined;
  readonly existingMetrics: number;
  readonly freeTier: boolean;
}

export interface PricingShow {
  readonly tables: readonly PriceTable[];
  readonly quotes: readonly MetricsQuote[];
}

export async function showPrices(options: PricingOptions, context: AppContext): Promise<PricingShow> {
  const { cacheDir, regions } = await pricingScope(options, context);
  const tables = await Promise.all(regions.map((region) => loadPriceTable({ region, cacheDir, env: context.env, cwd: context.cwd })));
  return { tables, quotes: await quotesFor(tables, options) };
}

export async function refreshPrices(options: PricingOptions, context: AppContext): Promise<RefreshResult> {
  if (options.metrics !== undefined) throw new UsageError('--metrics estimates with `pricing show`', { fix: 'run `cwdash pricing show --metrics N`' });
  const { cacheDir, regions } = await pricingScope(options, context);
  const { createPricingClient } = await import('../sources/price-list/pricing-client.js');
  const refresh = await import('../sources/price-list/refresh.js');
  const client = await createPricingClient({ ...options, env: context.env, progress: context.progress });
  context.progress?.note(`refreshing CloudWatch prices for ${regions.join(', ')} from ${client.endpoint} into ${cacheDir}`);
  const now = (context.now ?? (() => new Date()))();
  return refresh.refreshPrices({ regions, client, cacheDir, now, warn: (message) => context.warn?.(message) });
}

/** The cache directory, and the regions asked for (default: the project config's region, else every priced one). */
async function pricingScope(options: PricingOptions, context: AppContext) {
  const cacheDir = resolveCacheDir({ cacheDir: options.cacheDir, env: context.env, cwd: context.cwd });
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  const regions = await pricedRegions(cacheDir, options.region ?? (config.region ? [config.region] : []));
  return { cacheDir, regions };
}

/** `metrics` and `existingMetrics` are counts ≥ 0 (the CLI's option schema checks them). */
async function quotesFor(tables: readonly PriceTable[], options: PricingOptions): Promise<MetricsQuote[]> {
  if (options.metrics === undefined) return [];
  const { quoteCustomMetrics } = await import('../analysis/cost/model.js');
  return tables.map((table) => quoteCustomMetrics(options.metrics!, table, options));
}
