/** `cwdash pricing refresh | show`: the Price List data in use, and refreshing it from the API into the user cache. */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { withAwsOptions, withOutputOptions, type GlobalOptions } from '../options.js';
import { info, warn } from '../../shared/io.js';
import { UsageError } from '../../shared/errors.js';
import type { MetricsQuote } from '../../analysis/cost/model.js';
import type { PriceTable } from '../../sources/price-list/prices.js';
import { writeFileAtomic } from '../../shared/files.js';
import { PRICING_API_REGIONS } from '../../sources/aws/services.js';

interface PricingOptions extends GlobalOptions {
  readonly action: 'refresh' | 'show';
  readonly region?: readonly string[] | undefined;
  readonly cacheDir?: string | undefined;
  readonly apiRegion: string;
  readonly profile?: string | undefined;
  readonly endpointUrl?: string | undefined;
  readonly metrics?: number | undefined;
  readonly existingMetrics: number;
  readonly freeTier: boolean;
  readonly format: 'table' | 'json';
  readonly out?: string | undefined;
  readonly force: boolean;
}

export const pricingCommand = defineCommand<PricingOptions>({
  command: 'pricing <action>',
  describe: 'show the CloudWatch prices in use and where they come from, or refresh them from the AWS Price List API',
  examples: [
    ['$0 pricing show --region ap-northeast-1', 'the prices cost reports use for Tokyo, with their sources and dates'],
    ['$0 pricing refresh --region us-east-1 --region eu-west-1', 'download current prices into the user cache'],
    ['$0 pricing show --format json | jq .regions[0].prices', 'the same as JSON'],
  ],
  builder: (argv) =>
    withOutputOptions(withAwsOptions(argv), ['table', 'json'] as const, 'table')
      .positional('action', { choices: ['refresh', 'show'] as const, demandOption: true, describe: 'refresh the cache, or show the prices in use' })
      .option('region', {
        type: 'string',
        array: true,
        describe: 'region(s) whose prices to refresh or show (default: the project config region, else every region with prices)',
        group: 'AWS:',
      })
      .option('api-region', {
        choices: PRICING_API_REGIONS,
        default: 'us-east-1',
        describe: 'Price List API endpoint region; it only picks the endpoint, not which prices come back',
        group: 'AWS:',
      })
      .option('metrics', {
        type: 'number',
        describe: 'show: also estimate what this many more custom metrics cost per month in each region',
        group: 'Estimate:',
      })
      .option('existing-metrics', {
        type: 'number',
        default: 0,
        describe: 'metric-months the account already has in the region; the new ones are priced above them (tiers)',
        group: 'Estimate:',
      })
      .option('free-tier', { type: 'boolean', default: false, describe: "subtract CloudWatch's always-free allowances", group: 'Estimate:' })
      .option('cache-dir', {
        type: 'string',
        describe: 'price cache directory (default: CWDASH_CACHE_DIR, else $XDG_CACHE_HOME/cwdash, else ~/.cache/cwdash)',
      }) as unknown as Argv<PricingOptions>,
  async run(options, io) {
    const { loadProjectConfig } = await import('../../config/project-config.js');
    const { resolveCacheDir } = await import('../../sources/price-list/cache.js');
    const { loadPriceTable, pricedRegions } = await import('../../sources/price-list/prices.js');
    const cacheDir = resolveCacheDir({ cacheDir: options.cacheDir, env: io.env, cwd: io.cwd });
    const { config } = await loadProjectConfig(io.cwd, options.projectConfig);
    const regions = await pricedRegions(cacheDir, options.region ?? (config.region ? [config.region] : []));

    let output: string;
    if (options.action === 'refresh') {
      if (options.metrics !== undefined) throw new UsageError('--metrics estimates with `pricing show`', { fix: 'run `cwdash pricing show --metrics N`' });
      const { createPricingClient } = await import('../../sources/price-list/pricing-client.js');
      const { refreshPrices } = await import('../../sources/price-list/refresh.js');
      const { createProgress } = await import('../../sources/account/progress.js');
      const client = await createPricingClient({ ...options, env: io.env, progress: createProgress(io) });
      info(io, `refreshing CloudWatch prices for ${regions.join(', ')} from ${client.endpoint} into ${cacheDir}`);
      const result = await refreshPrices({ regions, client, cacheDir, now: new Date(), warn: (message) => warn(io, message) });
      output =
        options.format === 'json'
          ? (await import('../../outputs/pricing-json.js')).renderRefreshJson(result)
          : (await import('../../outputs/pricing-table.js')).renderRefreshText(result);
    } else {
      const tables = await Promise.all(regions.map((region) => loadPriceTable({ region, cacheDir, env: io.env, cwd: io.cwd })));
      const quotes = await quotesFor(tables, options);
      output =
        options.format === 'json'
          ? (await import('../../outputs/pricing-json.js')).renderPriceTablesJson(tables, quotes)
          : (await import('../../outputs/pricing-table.js')).renderPriceTablesText(tables, quotes);
    }
    if (options.out) await writeFileAtomic(resolve(io.cwd, options.out), output, { overwrite: options.force });
    else io.stdout.write(output);
    return 0;
  },
});

async function quotesFor(tables: readonly PriceTable[], options: PricingOptions): Promise<MetricsQuote[]> {
  if (options.metrics === undefined) return [];
  for (const [flag, value] of [['--metrics', options.metrics], ['--existing-metrics', options.existingMetrics]] as const) {
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`${flag} must be a number of metrics, got ${value}`, { fix: `pass ${flag} 5000` });
  }
  const { quoteCustomMetrics } = await import('../../analysis/cost/model.js');
  return tables.map((table) => quoteCustomMetrics(options.metrics!, table, options));
}
