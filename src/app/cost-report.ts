/**
 * `cwdash cost-report` (and the report `audit` judges): from the command's options to the report. Precedence is flag >
 * project config > default (the bundled examples, so `npx cwdash cost-report` on a fresh clone shows a real report).
 * Then: load what reads metrics, predict (or list, with the account) the metrics, price them, generate the fix for
 * each collector, build the report, and write the fixed configs when asked.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectorInput } from '../model/collector-input.js';
import { loadProjectConfig } from '../config/project-config.js';
import type { AccountInventory } from '../sources/account/inventory.js';
import { loadPriceTable, type PriceTable } from '../sources/price-list/prices.js';
import { REGION_FIX, resolveRegion, type RegionCandidates, type ResolvedRegion } from '../model/region.js';
import { formatCount } from '../shared/units.js';
import { silentProgress, type Progress } from '../sources/account/progress.js';
import type { CollectorAnalysis } from '../analysis/report/collector-analysis.js';
import { projectRoot } from '../config/project-root.js';
import { UsageError } from '../shared/errors.js';
import { fileExists, writeFilesAtomically, type PendingFile } from '../shared/files.js';
import type { AwsOptions } from '../sources/aws/options.js';
import { ACCOUNT_SOURCE } from '../analysis/rules/context.js';
import { loadRuleSet } from '../analysis/rules/rule-file.js';
import { allowListConsulted, loadAllowList } from '../analysis/usage/allow-list.js';
import { CONSOLE_NAMESPACES } from '../analysis/usage/console-reads.js';
import { buildCostReport, withFixes, type CollectorInputs } from '../analysis/report/build.js';
import { analyzeCollectorInput, collectorFix } from '../analysis/report/collector-analysis.js';
import type { CostReport, FixSummary } from '../analysis/report/cost-report.js';
import { loadUsageInputs, type UsageInputOptions } from '../analysis/report/usage-inputs.js';
import { describeConsulted, type ConsultedSource } from '../analysis/usage/usage-source.js';
import { displayPath } from '../shared/paths.js';
import type { AppContext } from './context.js';
import { fetchAccount, type AccountReader } from './account.js';
import type { OwnerRule } from '../analysis/report/owners.js';
import { collectorsFromFlags, projectCollectors, type ProjectCollectors } from './collectors.js';

/** The package root: the bundled examples, dashboards and rules live here whatever the working directory. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The bundled examples as a project (data, not code): their collectors, versions and dashboards directory. */
export const BUNDLED_PROJECT_DIR = resolve(PACKAGE_ROOT, 'examples');

/** The inputs `cost-report` and `audit` share, as the user gave them (paths relative to the context's cwd). */
export interface CostReportOptions extends AwsOptions {
  /** `--collector config=...,scrape=...,inventory=...,version=...,replicas=...` (repeatable). */
  readonly collector?: readonly string[] | undefined;
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
  readonly allowList?: string | undefined;
  /** Grafana dashboard files or folders, its data source's default region, CloudTrail logs, and their time window. */
  readonly grafana?: readonly string[] | undefined;
  readonly grafanaDefaultRegion?: string | undefined;
  readonly cloudtrail?: readonly string[] | undefined;
  readonly readWithinDays?: number | undefined;
  readonly rules?: string | undefined;
  readonly budget?: number | undefined;
  readonly freeTier: boolean;
  /** Add the Classic → OTLP migration plan. */
  readonly migrationPlan: boolean;
  readonly date?: string | undefined;
  readonly writeFix?: string | undefined;
  readonly allowDropAll: boolean;
  readonly account: boolean;
  readonly cacheDir?: string | undefined;
  /** Replace existing fixed configs in --write-fix. */
  readonly force: boolean;
}

export interface PreparedReport {
  readonly report: CostReport;
  /** The fixed collector configs for the caller to write with the report (empty without --write-fix). */
  readonly fixFiles: readonly PendingFile[];
  /** Where findings without a file of their own are placed in SARIF. */
  readonly fallbackLocation: string;
  /** What the caller should tell the user about the inputs chosen (e.g. that the bundled examples were used). */
  readonly notes: readonly string[];
}

/**
 * `readAccount` replaces how `--account` reads the account: an organisation-wide run passes each target's own
 * (its credentials, its region).
 */
export async function costReport(options: CostReportOptions, context: AppContext, readAccount?: AccountReader): Promise<PreparedReport> {
  const { file: projectFile, config: project } = await loadProjectConfig(context.cwd, context.projectConfig);
  const notes: string[] = [];
  const chosen = await collectorsFrom(options, { file: projectFile, collectors: project.collectors ?? [] }, context.cwd, notes);
  const { collectors, bundled } = chosen;
  const dashboards = await dashboardPaths(options, project.dashboardsDir, context.cwd, chosen.bundledDashboards);
  const env = context.env;
  const { readProfileSettings } = await import('../sources/aws/shared-config.js');
  const profile = await readProfileSettings({ profile: options.profile, env, service: 'cloudwatch' });
  const regions: Omit<RegionCandidates, 'collector'> = { flag: options.region, project: project.region, env, profile };
  // A --date was checked to be YYYY-MM-DD by the command's option schema.
  const today = options.date ?? (context.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const account = !options.account
    ? undefined
    : readAccount
      ? await readAccount(accountRegion(regions), project.prefix)
      : await fetchAccount(options, context, accountRegion(regions), project.region, project.prefix, profile.endpointUrl);
  const path = <T extends string | readonly string[]>(value: T | undefined): T | undefined =>
    (value === undefined ? undefined : typeof value === 'string' ? resolve(context.cwd, value) : value.map((each) => resolve(context.cwd, each))) as T | undefined;
  // Paths in the report (and so in fingerprints) are relative to the project root, wherever cwdash runs from.
  const root = await projectRoot(context.cwd, projectFile);
  const { report, fixFiles } = await runCostReport({
    cwd: root,
    env,
    collectors,
    dashboards,
    allowNoUsage: !options.usage,
    alarmsFile: path(options.alarms) ?? project.alarmsFile,
    allowListFile: path(options.allowList) ?? project.allowListFile,
    rulesFile: path(options.rules) ?? project.rulesFile,
    region: regions,
    budgetUSD: options.budget ?? project.budgetUSD,
    freeTier: options.freeTier,
    migrationPlan: options.migrationPlan,
    owners: project.owners,
    today,
    writeFixDir: path(options.writeFix),
    allowDropAll: options.allowDropAll,
    account,
    cacheDir: path(options.cacheDir),
    progress: context.interactive ? context.progress : undefined,
    usageSources: {
      grafana: path(options.grafana) ?? project.grafana,
      grafanaDefaultRegion: options.grafanaDefaultRegion ?? project.grafanaDefaultRegion,
      cloudtrail: path(options.cloudtrail) ?? project.cloudtrail,
      readWithinDays: options.readWithinDays,
    },
  });
  const fallbackLocation = projectFile ? displayPath(root, projectFile) : (report.collectors[0]?.config ?? 'cwdash.config.ts');
  return { report, fixFiles, fallbackLocation, notes };
}

/** Flag > project config > the bundled examples (their own project config, examples/cwdash.config.ts). */
async function collectorsFrom(options: CostReportOptions, project: ProjectCollectors, cwd: string, notes: string[]) {
  const named = await collectorsFromFlags(options, project, cwd);
  if (options.account && named.length > 0) {
    throw new UsageError('--account reports on the metrics the account has; --config predicts them from a collector config', {
      fix: 'pass one of them (run cost-report twice to compare the prediction with the account)',
    });
  }
  if (named.length > 0) return { collectors: named, bundled: false };
  if (project.collectors.length > 0) return { collectors: projectCollectors(project, cwd, options), bundled: false };
  // With --account the metrics come from the account itself: no collector configs are needed.
  if (options.account) return { collectors: [], bundled: false };
  notes.push('no --config and no collectors in cwdash.config.ts: reporting on the bundled examples (examples/task-service, examples/cluster)');
  const examples = await loadProjectConfig(BUNDLED_PROJECT_DIR);
  const bundledProject = { file: examples.file, collectors: examples.config.collectors ?? [] };
  return { collectors: projectCollectors(bundledProject, cwd, options), bundled: true, bundledDashboards: examples.config.dashboardsDir };
}

async function dashboardPaths(options: CostReportOptions, fromProject: string | undefined, cwd: string, bundledDashboards: string | undefined): Promise<string[]> {
  if (options.dashboards && options.dashboards.length > 0) return options.dashboards.map((path) => resolve(cwd, path));
  if (fromProject) return [fromProject];
  const local = resolve(cwd, 'dashboards');
  if (await fileExists(local)) return [local];
  return bundledDashboards === undefined ? [] : [bundledDashboards];
}

/** `--account`'s region by the one region rule (no collector): a usage error when nothing gives one. */
function accountRegion(candidates: Omit<RegionCandidates, 'collector'>): string {
  const resolved = resolveRegion(candidates);
  if (resolved === undefined) throw new UsageError('no AWS region for --account', { fix: REGION_FIX });
  return resolved.region;
}

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
  /** The project config's owner rules (cost by team). */
  readonly owners?: readonly OwnerRule[] | undefined;
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
  // Each fix is worked out (its candidates predicted, on a second thread when it can) while the report is built.
  const fixes: Promise<{ summary: FixSummary; file?: PendingFile }>[] = [];
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
      const fix = collectorFix(analysis, {
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
      // Awaited below, in collector order; handled now so an earlier failure elsewhere is the one reported.
      fix.catch(() => undefined);
      fixes.push(fix);
      task.advance(1);
      collectors.push({
        facts: analysis.facts, region, scrape: analysis.scrape, metrics: analysis.metrics, emfLogs: analysis.emfLogs,
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
    owners: options.owners,
  });
  const fixed = [];
  for (const fix of fixes) fixed.push(await fix);
  return { report: withFixes(report, fixed.map((fix) => fix.summary)), fixFiles: fixed.flatMap((fix) => (fix.file ? [fix.file] : [])) };
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
