/** `cwdash cost-report`: what the custom metrics cost, which ones nothing reads, and the config change that fixes it. */
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { withAwsOptions, withOutputOptions, withUsageSourceOptions, type AwsOptions, type GlobalOptions } from '../options.js';

export const REPORT_FORMATS = ['table', 'markdown', 'json', 'html', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The inputs `cost-report` and `audit` share: the same flags, declared once. */
export interface CostInputOptions extends GlobalOptions, AwsOptions {
  readonly config?: readonly string[] | undefined;
  readonly scrape?: readonly string[] | undefined;
  readonly clusterInventory?: readonly string[] | undefined;
  readonly envFile?: string | undefined;
  readonly collectorVersion?: string | undefined;
  readonly replicas?: number | undefined;
  readonly dashboards?: readonly string[] | undefined;
  /** False with `--no-usage`. */
  readonly usage: boolean;
  readonly alarms?: string | undefined;
  readonly grafana?: readonly string[] | undefined;
  readonly grafanaDefaultRegion?: string | undefined;
  readonly cloudtrail?: readonly string[] | undefined;
  readonly readWithin?: string | undefined;
  readonly allowList?: string | undefined;
  readonly rules?: string | undefined;
  readonly budget?: number | undefined;
  readonly freeTier: boolean;
  readonly migrationPlan: boolean;
  readonly date?: string | undefined;
  readonly writeFix?: string | undefined;
  readonly allowDropAll: boolean;
  readonly account: boolean;
  readonly cacheDir?: string | undefined;
  readonly format: ReportFormat;
  readonly out?: string | undefined;
  readonly force: boolean;
}

export function withCostInputOptions(argv: Argv, defaultFormat: ReportFormat): Argv<CostInputOptions> {
  const group = 'Inputs:';
  const built = withOutputOptions(withAwsOptions(argv), REPORT_FORMATS, defaultFormat)
    .option('config', { type: 'string', array: true, group, describe: 'collector config YAML (repeatable; default: the project config\'s collectors, else the bundled examples)' })
    .option('scrape', { type: 'string', array: true, group, describe: 'Prometheus exposition of the app each --config scrapes, in the same order' })
    .option('cluster-inventory', { type: 'string', array: true, group, describe: 'kubectl get nodes,pods,services -A -o json, for a Container Insights --config, in the same order' })
    .option('env-file', { type: 'string', group, describe: 'NAME=value lines for ${env:NAME} references in the configs' })
    .option('collector-version', { type: 'string', group, describe: 'ADOT collector version to predict (default: the newest known)' })
    .option('replicas', { type: 'number', group, describe: 'pods running each collector + app pair (default 1)' })
    .option('dashboards', { type: 'string', array: true, group, describe: 'definitions directory or body JSON file (repeatable; default: dashboardsDir or dashboards/)' })
    .option('usage', { type: 'boolean', default: true, group, describe: '--no-usage: report even with no dashboard and no alarm (every metric then counts as unread)' })
    .option('alarms', { type: 'string', group, describe: 'alarms that read metrics: `aws cloudwatch describe-alarms --output json` saved to a file' })
    .option('allow-list', { type: 'string', group, describe: 'YAML of metrics kept on purpose, each with a reason and an optional expiry' });
  return withUsageSourceOptions(built, group)
    .option('rules', { type: 'string', group, describe: 'rules file merged over rules/default.yaml (severities, thresholds, custom rules)' })
    .option('budget', { type: 'number', group, describe: 'monthly budget in USD for the budget rule (default: budgetUSD in the project config)' })
    .option('free-tier', { type: 'boolean', default: false, group, describe: 'subtract the account-wide free tier (10 metrics, 3 dashboards)' })
    .option('migration-plan', { type: 'boolean', default: false, group, describe: 'add the Classic → OpenTelemetry plan: each dashboard widget and alarm reading a Classic metric, with its PromQL rewrite' })
    .option('date', { type: 'string', group, describe: 'YYYY-MM-DD the allow-list expiries are checked against (default: today, UTC)' })
    .option('write-fix', { type: 'string', group, describe: 'write each fixed collector config (<name>.cwdash-fix.yaml) into this directory' })
    .option('allow-drop-all', { type: 'boolean', default: false, group, describe: 'let --write-fix write a config that drops every metric of a collector' })
    .option('account', { type: 'boolean', default: false, group, describe: 'use the live account\'s custom metrics, dashboards and alarms (ListMetrics, GetDashboard, DescribeAlarms)' })
    .option('cache-dir', { type: 'string', group, describe: 'price cache directory (see `cwdash pricing refresh`)' }) as unknown as Argv<CostInputOptions>;
}

export const costReportCommand = defineCommand<CostInputOptions>({
  command: 'cost-report',
  describe: 'cost, usage and findings of the custom metrics; with no arguments, on the bundled examples',
  examples: [
    ['$0 cost-report', 'the bundled task-service and cluster examples against dashboards/'],
    ['$0 cost-report --config otel.yaml --scrape metrics.txt --alarms alarms.json --write-fix fixed/', 'your collector, with the fix written to fixed/'],
    ['$0 cost-report --format html --out cost.html', 'a self-contained HTML report with charts'],
    ['$0 cost-report --account --region ap-northeast-1', 'the live account: its custom metrics, dashboards and alarms'],
  ],
  builder: (argv) => withCostInputOptions(argv, 'table'),
  async run(options, io) {
    const { prepareCostReport, renderReport, writeOutputs } = await import('../cost-report-run.js');
    const prepared = await prepareCostReport(options, io);
    await writeOutputs(io, options, renderReport(prepared.report, options.format, prepared), prepared.fixFiles);
    return 0;
  },
});
