/** `cwdash pricing refresh | show`: the Price List data in use, and refreshing it from the API into the user cache. */
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { appContext, withAwsOptions, withOutputOptions, type GlobalOptions } from '../options.js';
import { writeCommandOutput } from '../output.js';
import { PRICING_API_REGIONS } from '../../sources/price-list/pricing-client.js';

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
    const { createProgress } = await import('../../sources/account/progress.js');
    const context = appContext(io, options, { progress: createProgress(io) });
    let output: string;
    if (options.action === 'refresh') {
      const { refreshPrices } = await import('../../app/pricing.js');
      const result = await refreshPrices(options, context);
      output =
        options.format === 'json'
          ? (await import('../../outputs/pricing-json.js')).renderRefreshJson(result)
          : (await import('../../outputs/pricing-table.js')).renderRefreshText(result);
    } else {
      const { showPrices } = await import('../../app/pricing.js');
      const { tables, quotes } = await showPrices(options, context);
      output =
        options.format === 'json'
          ? (await import('../../outputs/pricing-json.js')).renderPriceTablesJson(tables, quotes)
          : (await import('../../outputs/pricing-table.js')).renderPriceTablesText(tables, quotes);
    }
    await writeCommandOutput(output, options, io);
    return 0;
  },
});
