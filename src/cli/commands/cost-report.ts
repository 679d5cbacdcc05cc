/** `cwdash cost-report`: what the custom metrics cost, which ones nothing reads, and the config change that fixes it. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { defineCommand, type CommandOptions } from '../command.js';
import { flag, isoDate, nonNegativeNumber, text, wholeNumber } from '../flags.js';
import { appContext, awsFlags, outputFlags, readWithinDays, usageSourceFlags } from '../options.js';
import { CWDASH_VERSION } from '../version.js';
import { REPORT_FORMATS } from '../../outputs/report-formats.js';
import type { PreparedReport } from '../../app/cost-report.js';
import { info, type Io } from '../../shared/io.js';
import { targetFlags } from './targets.js';

const group = 'Inputs:';

/** The inputs `cost-report` and `audit` share: the same flags, declared once. */
export const costInputOptions = {
  ...awsFlags,
  ...outputFlags(REPORT_FORMATS, 'table'),
  collector: flag(z.array(text).optional(), {
    group,
    describe: 'one collector: config=FILE[,scrape=FILE][,inventory=FILE][,version=V][,replicas=N][,cluster-name=NAME][,env-file=FILE] (repeatable)',
    example: 'config=otel.yaml,scrape=metrics.txt,version=0.17.0',
  }),
  config: flag(z.array(text).optional(), { group, describe: "collector config YAML (repeatable; default: the project config's collectors, else the bundled examples)" }),
  scrape: flag(z.array(text).optional(), { group, describe: 'Prometheus exposition of the app the one --config scrapes (several collectors: --collector)' }),
  clusterInventory: flag(z.array(text).optional(), { group, describe: 'kubectl get nodes,pods,services -A -o json, for the one Container Insights --config (several: --collector)' }),
  envFile: flag(text.optional(), { group, describe: 'NAME=value lines for ${env:NAME} references in the configs' }),
  collectorVersion: flag(text.optional(), { group, describe: "ADOT collector version to predict (default: the project config entry's, else the inventory's collector image tag, else the newest known)", example: '0.17.0' }),
  replicas: flag(wholeNumber(1).optional(), { group, describe: 'pods running each collector + app pair (default 1)', example: '3' }),
  dashboards: flag(z.array(text).optional(), { group, describe: 'definitions directory or body JSON file (repeatable; default: dashboardsDir or dashboards/)' }),
  usage: flag(z.boolean().default(true), { group, describe: '--no-usage: report even with no dashboard and no alarm (every metric then counts as unread)' }),
  alarms: flag(text.optional(), { group, describe: 'alarms that read metrics: `aws cloudwatch describe-alarms --output json` saved to a file' }),
  allowList: flag(text.optional(), { group, describe: 'YAML of metrics kept on purpose, each with a reason and an optional expiry' }),
  ...usageSourceFlags(group),
  rules: flag(text.optional(), { group, describe: 'rules file merged over rules/default.yaml (severities, thresholds, custom rules)' }),
  budget: flag(nonNegativeNumber('an amount in USD').optional(), { group, describe: 'monthly budget in USD for the budget rule (default: budgetUSD in the project config)', example: '50' }),
  freeTier: flag(z.boolean().default(false), { group, describe: 'subtract the account-wide free tier (10 metrics, 3 dashboards)' }),
  migrationPlan: flag(z.boolean().default(false), { group, describe: 'add the Classic → OpenTelemetry plan: each dashboard widget and alarm reading a Classic metric, with its PromQL rewrite' }),
  date: flag(isoDate.optional(), { group, describe: 'YYYY-MM-DD the allow-list expiries are checked against (default: today, UTC)', example: '2027-01-31' }),
  writeFix: flag(text.optional(), { group, describe: 'write each fixed collector config (<name>.cwdash-fix.yaml) into this directory' }),
  allowDropAll: flag(z.boolean().default(false), { group, describe: 'let --write-fix write a config that drops every metric of a collector' }),
  account: flag(z.boolean().default(false), { group, describe: "use the live account's custom metrics, dashboards and alarms (ListMetrics, GetDashboard, DescribeAlarms)" }),
  cacheDir: flag(text.optional(), { group, describe: 'price cache directory (see `cwdash pricing refresh`)' }),
  ...targetFlags,
};

export type CostInputOptions = CommandOptions<typeof costInputOptions>;

export const costReportCommand = defineCommand({
  examples: [
    ['$0 cost-report', 'the bundled task-service and cluster examples against dashboards/'],
    ['$0 cost-report --config otel.yaml --scrape metrics.txt --alarms alarms.json --write-fix fixed/', 'your collector, with the fix written to fixed/'],
    ['$0 cost-report --format html --out cost.html', 'a self-contained HTML report with charts'],
    ['$0 cost-report --account --region ap-northeast-1', 'the live account: its custom metrics, dashboards and alarms'],
    ['$0 cost-report --account --targets cwdash-targets.yaml --format html --out org.html', 'every account and region of the targets file, merged (exit 3 when one could not be read)'],
  ],
  options: costInputOptions,
  async run(options, io) {
    const { reportOverTargets } = await import('../../app/organization-report.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { partial, ...prepared } = await reportOverTargets({ ...options, readWithinDays: readWithinDays(options.readWithin) }, appContext(io, options, { progress: createProgress(io) }));
    await writeReport(prepared, options, io);
    return partial ? 3 : 0;
  },
});

/** The notes, then the report in its format and the fixed configs: one atomic set, nothing over a file without --force. */
export async function writeReport(prepared: PreparedReport, options: Pick<CostInputOptions, 'format' | 'out' | 'force'>, io: Io): Promise<void> {
  const { renderReport } = await import('../../outputs/report-formats.js');
  const { displayPath } = await import('../../shared/paths.js');
  const { writeFilesAtomically } = await import('../../shared/files.js');
  for (const note of prepared.notes) info(io, note);
  const text = await renderReport(prepared.report, options.format, { toolVersion: CWDASH_VERSION, fallbackLocation: prepared.fallbackLocation });
  // Every existence check passes before the first byte is written.
  const report = options.out ? [{ path: resolve(io.cwd, options.out), content: text }] : [];
  await writeFilesAtomically([...prepared.fixFiles, ...report], { overwrite: options.force });
  for (const file of prepared.fixFiles) info(io, `wrote the fixed collector config ${displayPath(io.cwd, file.path)}`);
  if (!options.out) io.stdout.write(text);
}
