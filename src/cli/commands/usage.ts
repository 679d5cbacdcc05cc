/**
 * `cwdash usage`: what the given sources read, without pricing anything: a check of "what does this Grafana folder
 * read?" or "who called GetMetricData last month?". JSON is the stable, documented contract (schemaVersion 1).
 */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag, isoDate, text } from '../flags.js';
import { appContext, awsFlags, outputFlags, readWithinDays, usageSourceFlags } from '../options.js';
import { writeCommandOutput } from '../output.js';

const group = 'Sources:';

export const usageCommand = defineCommand({
  examples: [
    ['$0 usage --grafana grafana/', 'every CloudWatch metric the Grafana dashboards in grafana/ read'],
    ['$0 usage --cloudtrail AWSLogs/ --read-within 30d --format json', 'who read which metrics with GetMetricData in the last 30 days'],
    ['$0 usage --dashboards dashboards/ --alarms alarms.json', "cwdash's own dashboards and the alarms"],
  ],
  options: {
    ...awsFlags,
    ...outputFlags(['table', 'json'], 'table'),
    dashboards: flag(z.array(text).optional(), { group, describe: 'definitions directory or body JSON file (repeatable; default: dashboardsDir of the project config)' }),
    alarms: flag(text.optional(), { group, describe: '`aws cloudwatch describe-alarms --output json` saved to a file' }),
    allowList: flag(text.optional(), { group, describe: 'the allow-list YAML: its entries are listed as reads' }),
    account: flag(z.boolean().default(false), { group, describe: "the live account's dashboards, alarms, metric streams and anomaly detectors" }),
    date: flag(isoDate.optional(), { group, describe: 'YYYY-MM-DD that --read-within and allow-list expiries count from (default: today, UTC)', example: '2027-01-31' }),
    ...usageSourceFlags(group),
  },
  async run(options, io) {
    const { usage } = await import('../../app/usage.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { listing, consulted } = await usage({ ...options, readWithinDays: readWithinDays(options.readWithin) }, appContext(io, options, { progress: createProgress(io) }));
    const text =
      options.format === 'json'
        ? (await import('../../outputs/usage-json.js')).renderUsageJson(listing)
        : (await import('../../outputs/usage-table.js')).renderUsageTable(listing, consulted);
    await writeCommandOutput(text, options, io);
    return 0;
  },
});
