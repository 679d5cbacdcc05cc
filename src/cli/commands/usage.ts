/**
 * `cwdash usage`: what the given sources read, without pricing anything: a check of "what does this Grafana folder
 * read?" or "who called GetMetricData last month?". JSON is the stable, documented contract (schemaVersion 1).
 */
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { withAwsOptions, withOutputOptions, withUsageSourceOptions, type AwsOptions, type GlobalOptions } from '../options.js';

export const USAGE_FORMATS = ['table', 'json'] as const;

export interface UsageOptions extends GlobalOptions, AwsOptions {
  readonly dashboards?: readonly string[] | undefined;
  readonly alarms?: string | undefined;
  readonly grafana?: readonly string[] | undefined;
  readonly grafanaDefaultRegion?: string | undefined;
  readonly cloudtrail?: readonly string[] | undefined;
  readonly readWithin?: string | undefined;
  readonly allowList?: string | undefined;
  readonly account: boolean;
  readonly date?: string | undefined;
  readonly format: (typeof USAGE_FORMATS)[number];
  readonly out?: string | undefined;
  readonly force: boolean;
}

export const usageCommand = defineCommand<UsageOptions>({
  command: 'usage',
  describe: 'what the given dashboards, alarms, Grafana dashboards, CloudTrail logs, allow-list and account read (no pricing)',
  examples: [
    ['$0 usage --grafana grafana/', 'every CloudWatch metric the Grafana dashboards in grafana/ read'],
    ['$0 usage --cloudtrail AWSLogs/ --read-within 30d --format json', 'who read which metrics with GetMetricData in the last 30 days'],
    ['$0 usage --dashboards dashboards/ --alarms alarms.json', "cwdash's own dashboards and the alarms"],
  ],
  builder: (argv: Argv) => {
    const group = 'Sources:';
    const base = withOutputOptions(withAwsOptions(argv), USAGE_FORMATS, 'table')
      .option('dashboards', { type: 'string', array: true, group, describe: 'definitions directory or body JSON file (repeatable; default: dashboardsDir of the project config)' })
      .option('alarms', { type: 'string', group, describe: '`aws cloudwatch describe-alarms --output json` saved to a file' })
      .option('allow-list', { type: 'string', group, describe: 'the allow-list YAML: its entries are listed as reads' })
      .option('account', { type: 'boolean', default: false, group, describe: "the live account's dashboards, alarms, metric streams and anomaly detectors" })
      .option('date', { type: 'string', group, describe: 'YYYY-MM-DD that --read-within and allow-list expiries count from (default: today, UTC)' });
    return withUsageSourceOptions(base, group) as unknown as Argv<UsageOptions>;
  },
  async run(options, io) {
    const { runUsage } = await import('../usage-run.js');
    return runUsage(options, io);
  },
});
