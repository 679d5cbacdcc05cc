/** `cwdash pricing refresh | show`: the Price List data in use, and refreshing it from the API into the user cache. */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag, nonNegativeNumber, text } from '../flags.js';
import { appContext, awsFlags, outputFlags } from '../options.js';
import { writeCommandOutput } from '../output.js';
import { PRICING_API_REGIONS } from '../../sources/aws/services.js';

export const pricingOptions = {
  action: flag(z.enum(['refresh', 'show']), { describe: 'refresh the cache, or show the prices in use', positional: true }),
  ...outputFlags(['table', 'json'], 'table'),
  profile: awsFlags.profile,
  endpointUrl: awsFlags.endpointUrl,
  region: flag(z.array(text).optional(), {
    describe: 'region(s) whose prices to refresh or show (default: the project config region, else every region with prices)',
    group: 'AWS:',
    example: 'eu-west-1',
  }),
  apiRegion: flag(z.enum(PRICING_API_REGIONS).default('us-east-1'), {
    describe: 'Price List API endpoint region; it only picks the endpoint, not which prices come back',
    group: 'AWS:',
  }),
  metrics: flag(nonNegativeNumber('a number of metrics').optional(), {
    describe: 'show: also estimate what this many more custom metrics cost per month in each region',
    group: 'Estimate:',
    example: '5000',
  }),
  existingMetrics: flag(nonNegativeNumber('a number of metrics').default(0), {
    describe: 'metric-months the account already has in the region; the new ones are priced above them (tiers)',
    group: 'Estimate:',
    example: '5000',
  }),
  freeTier: flag(z.boolean().default(false), { describe: "subtract CloudWatch's always-free allowances", group: 'Estimate:' }),
  cacheDir: flag(text.optional(), 'price cache directory (default: CWDASH_CACHE_DIR, else $XDG_CACHE_HOME/cwdash, else ~/.cache/cwdash)'),
};

export const pricingCommand = defineCommand({
  examples: [
    ['$0 pricing show --region ap-northeast-1', 'the prices cost reports use for Tokyo, with their sources and dates'],
    ['$0 pricing refresh --region us-east-1 --region eu-west-1', 'download current prices into the user cache'],
    ['$0 pricing show --format json | jq .regions[0].prices', 'the same as JSON'],
  ],
  options: pricingOptions,
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
