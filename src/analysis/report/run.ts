/**
 * One cost-report run, from options to the report: load what reads metrics, predict (or list) the metrics, price
 * them, generate the fix for each collector, and build the report. The command files only parse flags and render.
 */
import type { CollectorInput } from '../../config/project-config.js';
import type { AccountInventory } from '../../sources/account/inventory.js';
import { loadPriceTable } from '../../sources/price-list/prices.js';
import type { PendingFile } from '../../shared/files.js';
import { ACCOUNT_SOURCE } from '../rules/context.js';
import { loadRuleSet } from '../rules/rule-file.js';
import { allowListConsulted, loadAllowList } from '../usage/allow-list.js';
import { CONSOLE_NAMESPACES } from '../usage/console-reads.js';
import { buildCostReport, type CollectorInputs } from './build.js';
import { analyzeCollectorInput, collectorFix } from './collector-analysis.js';
import type { CostReport } from './cost-report.js';
import { displayPath } from '../../shared/paths.js';
import { loadUsageInputs, type UsageInputOptions } from './usage-inputs.js';
import { describeConsulted, type ConsultedSource } from '../usage/usage-source.js';

export interface CostReportRunOptions {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly collectors: readonly CollectorInput[];
  readonly dashboards: readonly string[];
  /** `--no-usage`: allow a report with no dashboard and no alarm. */
  readonly allowNoUsage?: boolean | undefined;
  readonly alarmsFile?: string | undefined;
  readonly allowListFile?: string | undefined;
  readonly rulesFile?: string | undefined;
  readonly region: string;
  readonly budgetUSD?: number | undefined;
  readonly freeTier: boolean;
  /** `--migration-plan`: add the Classic → OTLP migration plan. */
  readonly migrationPlan?: boolean | undefined;
  /** YYYY-MM-DD: allow-list expiries are checked against it. */
  readonly today: string;
  /** Where fixed configs go; undefined computes the fix without writing it. */
  readonly writeFixDir?: string | undefined;
  /** `--allow-drop-all`: a written fix may remove every metric of a collector. */
  readonly allowDropAll?: boolean | undefined;
  /** Metrics, dashboards and alarms of the live account (`--account`), instead of predicted metrics. */
  readonly account?: AccountInventory | undefined;
  readonly cacheDir?: string | undefined;
  /** Grafana dashboards, CloudTrail logs and `--read-within`: the other usage sources (see UsageInputOptions). */
  readonly usageSources?: Pick<UsageInputOptions, 'grafana' | 'grafanaDefaultRegion' | 'cloudtrail' | 'readWithinDays'> | undefined;
}

export interface CostReportRun {
  readonly report: CostReport;
  /** The fixed collector configs to write (empty without --write-fix). */
  readonly fixFiles: readonly PendingFile[];
}

export async function runCostReport(options: CostReportRunOptions): Promise<CostReportRun> {
  const [prices, rules, allowList, usageInputs] = await Promise.all([
    loadPriceTable({ region: options.region, cacheDir: options.cacheDir, env: options.env, cwd: options.cwd }),
    loadRuleSet(options.rulesFile),
    options.allowListFile === undefined ? undefined : loadAllowList(options.allowListFile, options.today),
    loadUsageInputs({
      cwd: options.cwd,
      dashboards: options.dashboards,
      allowNoUsage: options.allowNoUsage,
      alarmsFile: options.alarmsFile,
      account: options.account,
      defaultRegion: options.region,
      today: options.today,
      ...options.usageSources,
    }),
  ]);
  const assumptions: string[] = [];
  const collectors: CollectorInputs[] = [];
  const fixFiles: PendingFile[] = [];
  if (options.account) {
    assumptions.push(
      `metrics: the ${options.account.metrics.length} custom metrics ListMetrics returned in ${options.region}, each billed as a full metric-month` +
        (options.collectors.length > 0 ? `; the ${options.collectors.length} collector configs of the project config are not used with --account` : ''),
    );
    collectors.push({
      facts: { config: ACCOUNT_SOURCE, exporter: ACCOUNT_SOURCE, dimensionRollupOption: '', resourceToTelemetry: { enabled: true } },
      metrics: options.account.metrics.map((identity) => ({ identity })),
    });
  } else {
    for (const input of options.collectors) {
      const analysis = await analyzeCollectorInput(input, { cwd: options.cwd, env: options.env });
      assumptions.push(...analysis.assumptions);
      const fix = await collectorFix(analysis, {
        readers: (metric) => usageInputs.usage.readersOf(metric).length > 0,
        allowList,
        today: options.today,
        env: options.env,
        cwd: options.cwd,
        prices,
        freeTier: options.freeTier,
        writeFixDir: options.writeFixDir,
        allConfigs: options.collectors.map((collector) => collector.config),
        allowDropAll: options.allowDropAll,
      });
      if (fix.file) fixFiles.push(fix.file);
      collectors.push({
        facts: analysis.facts, scrape: analysis.scrape, metrics: analysis.metrics, emfLogs: analysis.emfLogs, fix: fix.summary,
        otlp: analysis.otlp, otlpEquivalent: analysis.otlpEquivalent, otlpSeries: analysis.prediction.otlpSeries, otlpMetricTypes: analysis.otlpMetricTypes,
        containerInsights: analysis.containerInsights,
      });
    }
  }
  assumptions.push(
    `prices: ${prices.region} from the ${prices.source} of ${prices.date} (${displayPath(options.cwd, prices.file)}); free tier ${options.freeTier ? 'applied' : 'not applied (pass --free-tier to subtract it)'}`,
    `usage: ${usageInputs.dashboards.length} dashboards, ${usageInputs.alarms} alarms${allowList ? `, ${allowList.active.length} allow-list entries` : ''}; ` +
      `metrics in ${CONSOLE_NAMESPACES.map((entry) => entry.namespace).join(' and ')} count as read by the Container Insights console`,
  );
  const usageSources: ConsultedSource[] = [
    ...usageInputs.consulted,
    allowListConsulted(allowList, allowList && displayPath(options.cwd, allowList.file)),
  ];
  // One assumption per source, so "Grafana dashboards: not given" is in every report that rests on its absence.
  assumptions.push(...usageSources.map((source) => `usage source ${describeConsulted(source)}`));
  const report = buildCostReport({
    // The price file relative to where cwdash runs: no machine's absolute path in a committed report.
    prices: { ...prices, file: displayPath(options.cwd, prices.file) },
    collectors,
    usage: usageInputs.usage,
    dashboards: usageInputs.dashboards,
    alarms: usageInputs.alarms,
    allowList,
    rules,
    budgetUSD: options.budgetUSD,
    freeTier: options.freeTier,
    assumptions,
    usageSources,
    migrationPlan: options.migrationPlan,
  });
  return { report, fixFiles };
}
