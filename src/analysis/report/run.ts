/**
 * One cost-report run, from options to the report: load what reads metrics, predict (or list) the metrics, price
 * them, generate the fix for each collector, and build the report. The command files only parse flags and render.
 */
import type { CollectorInput } from '../../config/project-config.js';
import { REGION_FIX, resolveRegion, type RegionCandidates, type ResolvedRegion } from '../../model/region.js';
import { UsageError } from '../../shared/errors.js';
import { formatCount } from '../../shared/units.js';
import { silentProgress, type Progress } from '../../sources/account/progress.js';
import type { CollectorAnalysis } from './collector-analysis.js';
import type { AccountInventory } from '../../sources/account/inventory.js';
import { loadPriceTable, type PriceTable } from '../../sources/price-list/prices.js';
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
  /**
   * Everything but the collector's own region, for the one region rule (`resolveRegion`): each collector is priced in
   * its region, `--account` in the one these give.
   */
  readonly region: Omit<RegionCandidates, 'collector'>;
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
  /** Where long work reports its steps (the CLI passes a redrawn line on a TTY, nothing elsewhere). @default silent */
  readonly progress?: Progress | undefined;
  /** Grafana dashboards, CloudTrail logs and `--read-within`: the other usage sources (see UsageInputOptions). */
  readonly usageSources?: Pick<UsageInputOptions, 'grafana' | 'grafanaDefaultRegion' | 'cloudtrail' | 'readWithinDays'> | undefined;
}

export interface CostReportRun {
  readonly report: CostReport;
  /** The fixed collector configs to write (empty without --write-fix). */
  readonly fixFiles: readonly PendingFile[];
}

export async function runCostReport(options: CostReportRunOptions): Promise<CostReportRun> {
  const defaultRegion = resolveRegion(options.region);
  const [rules, allowList, usageInputs] = await Promise.all([
    loadRuleSet(options.rulesFile),
    options.allowListFile === undefined ? undefined : loadAllowList(options.allowListFile, options.today),
    loadUsageInputs({
      cwd: options.cwd,
      dashboards: options.dashboards,
      allowNoUsage: options.allowNoUsage,
      alarmsFile: options.alarmsFile,
      account: options.account,
      defaultRegion: defaultRegion?.region,
      today: options.today,
      ...options.usageSources,
    }),
  ]);
  const tables = new Map<string, PriceTable>();
  const pricesIn = async (region: string) => {
    const cached = tables.get(region);
    if (cached) return cached;
    const table = await loadPriceTable({ region, cacheDir: options.cacheDir, env: options.env, cwd: options.cwd });
    tables.set(region, table);
    return table;
  };
  const assumptions: string[] = [];
  const collectors: CollectorInputs[] = [];
  const fixFiles: PendingFile[] = [];
  if (options.account) {
    const region = defaultRegion ?? missingRegion('the account');
    await pricesIn(region.region);
    assumptions.push(
      `metrics: the ${options.account.metrics.length} custom metrics ListMetrics returned in ${region.region}, each billed as a full metric-month` +
        (options.collectors.length > 0 ? `; the ${options.collectors.length} collector configs of the project config are not used with --account` : ''),
    );
    collectors.push({
      facts: { config: ACCOUNT_SOURCE, exporter: ACCOUNT_SOURCE, dimensionRollupOption: '', resourceToTelemetry: { enabled: true } },
      region,
      metrics: options.account.metrics.map((identity) => ({ identity })),
    });
  } else {
    // Prediction and the fix (each candidate predicted again) are the slow steps: one progress step each.
    const task = (options.progress ?? silentProgress).start('cost report', options.collectors.length * 2, 'steps');
    for (const input of options.collectors) {
      const shown = displayPath(options.cwd, input.config);
      task.advance(0, `predicting the metrics of ${shown}`);
      const analysis = await analyzeCollectorInput(input, { cwd: options.cwd, env: options.env });
      task.advance(1, `computing the fix for ${shown} (${formatCount(analysis.metrics.length)} metrics)`);
      const region = resolveRegion({ ...options.region, collector: collectorRegion(analysis) }) ?? missingRegion(analysis.facts.config);
      const prices = await pricesIn(region.region);
      assumptions.push(...analysis.assumptions, `${analysis.facts.config}: priced in ${region.region} (${region.rule})`);
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
      task.advance(1);
      if (fix.file) fixFiles.push(fix.file);
      collectors.push({
        facts: analysis.facts, region, scrape: analysis.scrape, metrics: analysis.metrics, emfLogs: analysis.emfLogs, fix: fix.summary,
        otlp: analysis.otlp, otlpEquivalent: analysis.otlpEquivalent, otlpSeries: analysis.prediction.otlpSeries, otlpMetricTypes: analysis.otlpMetricTypes,
        containerInsights: analysis.containerInsights,
      });
    }
    task.done(`${options.collectors.length} collector${options.collectors.length === 1 ? '' : 's'} predicted and fixed`);
  }
  // Dashboards are one account-wide product: priced (and the free tier taken) once, in the default region or else
  // in the first collector's.
  const dashboardsRegion = defaultRegion?.region ?? collectors[0]?.region.region ?? missingRegion('the dashboards').region;
  await pricesIn(dashboardsRegion);
  for (const table of [...tables.values()].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0))) {
    assumptions.push(`prices: ${table.region} from the ${table.source} of ${table.date} (${displayPath(options.cwd, table.file)})`);
  }
  assumptions.push(
    `free tier ${options.freeTier ? `applied once, in ${dashboardsRegion}` : 'not applied (pass --free-tier to subtract it)'}; dashboards priced in ${dashboardsRegion} (an account-wide product)`,
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
    // Price files relative to where cwdash runs: no machine's absolute path in a committed report.
    prices: new Map([...tables].map(([region, table]) => [region, { ...table, file: displayPath(options.cwd, table.file) }])),
    dashboardsRegion,
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

/** The collector's own region: its project-config entry, else its awsemf exporter's `region`. */
function collectorRegion(analysis: CollectorAnalysis): RegionCandidates['collector'] {
  if (analysis.input.region !== undefined) return { region: analysis.input.region, where: 'its entry in the project config' };
  const emf = analysis.exporter?.awsemf;
  if (emf === undefined || emf.region === '') return undefined;
  const at = emf.regionLocation;
  return { region: emf.region, where: `the awsemf exporter's region, ${at ? `${analysis.facts.config}:${at.line}:${at.column}` : analysis.facts.config}` };
}

function missingRegion(what: string): ResolvedRegion {
  throw new UsageError(`no AWS region for ${what}: the prices depend on it`, { fix: REGION_FIX });
}
