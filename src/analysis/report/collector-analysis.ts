/**
 * One collector in the cost report: its predicted metrics (the same code as `cwdash metrics`), the facts the rules
 * need (exporter, rollup option, resource_to_telemetry), the assumptions in words, and the generated fix with its
 * before/after, where "after" is the same prediction re-run on the fixed config text, so the report's "after" count is
 * by construction what `cwdash metrics` says for the fixed file. The inputs are read and parsed once: every fix
 * candidate is predicted in memory from the parsed scrape and inventory.
 */
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { CollectorInput } from '../../config/project-config.js';
import { metricKey, type MetricIdentity } from '../../model/metric-identity.js';
import type { CollectorConfig, ExporterComponent } from '../../sources/collector-config/model.js';
import type { PriceTable } from '../../sources/price-list/prices.js';
import { UsageError } from '../../shared/errors.js';
import type { PendingFile } from '../../shared/files.js';
import { collectorProfile } from '../awsemf/profiles.js';
import { loadCollector, predictCollectorStreamed, type LoadedCollector } from '../awsemf/collector.js';
import type { MetricsPrediction } from '../../model/prediction.js';
import type { OtlpEquivalent, OtlpSeries, OtlpVolume } from '../../model/otlp-prediction.js';
import type { ContainerInsightsModes } from '../../model/container-insights-modes.js';
import { customMetricsMonthlyCost } from '../cost/model.js';
import { formatBytes } from '../../shared/units.js';
import { toCents } from '../cost/money.js';
import { byteOrder } from '../awsemf/declarations.js';
import { NO_ROLLUP, SINGLE_ONLY, ZERO_AND_SINGLE } from '../awsemf/dimension-sets.js';
import { planDeclarations } from '../fix/declarations.js';
import { FILTER_PROCESSOR, fixedConfigText, type ConfigFix } from '../fix/fixed-config.js';
import type { CollectorFacts } from '../rules/context.js';
import { allowListEntryFor, type AllowList } from '../usage/allow-list.js';
import type { MetricInput } from './build.js';
import type { FixSummary } from './cost-report.js';
import { displayPath } from '../../shared/paths.js';
import { startCollectorHelper, type CollectorHelper, type HelperJob } from './collector-helper.js';

export interface CollectorAnalysis {
  readonly input: CollectorInput;
  /** The inputs as read once: the fix candidates are predicted from them. */
  readonly collector: LoadedCollector;
  readonly config: CollectorConfig;
  /** The awsemf exporter the facts (and the fix) are about. */
  readonly exporter: ExporterComponent | undefined;
  /** The awsemf exporters that create the collector's metrics. */
  readonly exporters: ReadonlySet<string>;
  /** The prediction without its list of metrics: `metrics` holds them as the report needs them. */
  readonly prediction: Omit<MetricsPrediction, 'metrics'>;
  readonly facts: CollectorFacts;
  readonly scrape?: string | undefined;
  readonly metrics: readonly MetricInput[];
  readonly emfLogs: { readonly bytesPerMonth: number; readonly retentionDays: number };
  /** What the collector sends to CloudWatch's OTLP endpoint, and what its awsemf data would be over OTLP. */
  readonly otlp?: OtlpVolume | undefined;
  readonly otlpEquivalent?: OtlpVolume | undefined;
  /** OTLP type of each metric name the awsemf pipelines send (for the migration plan's PromQL). */
  readonly otlpMetricTypes?: Readonly<Record<string, OtlpSeries['type']>> | undefined;
  readonly containerInsights?: ContainerInsightsModes | undefined;
  readonly assumptions: readonly string[];
  /** Predicts the fix candidates (on a second thread when it can); `collectorFix` lets it go. */
  readonly helper: CollectorHelper;
}

export interface AnalysisContext {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
}

export async function analyzeCollectorInput(input: CollectorInput, context: AnalysisContext): Promise<CollectorAnalysis> {
  const job = loadOptions(input, context);
  const loading = loadCollector(job);
  const helper = startCollectorHelper(job, loading);
  try {
    return await analyzeLoaded(input, context, await loading, helper);
  } catch (error) {
    helper.close();
    throw error;
  }
}

async function analyzeLoaded(input: CollectorInput, context: AnalysisContext, collector: LoadedCollector, helper: CollectorHelper): Promise<CollectorAnalysis> {
  const { config } = collector;
  const streamed = predictCollectorStreamed(collector);
  const prediction = streamed.result;
  // One pass over the metrics as they are built: the report keeps their identities, not the predicted metrics.
  const metrics: MetricInput[] = [];
  const exporters = new Set<string>();
  for (const metric of streamed.metrics) {
    exporters.add(metric.source.exporter);
    metrics.push({
      identity: { namespace: metric.namespace, metricName: metric.metricName, dimensions: metric.dimensions },
      rollup: metric.source.dimensionSet === 'zero-rollup' || metric.source.dimensionSet === 'single-rollup',
    });
  }
  const equivalent = await helper.otlpEquivalent();
  const file = displayPath(context.cwd, input.config);
  const exporterIds = [...exporters].sort();
  const exporter = config.exporters.get(exporterIds[0] ?? '') ?? [...config.exporters.values()].find((candidate) => candidate.awsemf);
  const emf = exporter?.awsemf;
  const r2tPath = ['exporters', exporter?.id ?? 'awsemf', 'resource_to_telemetry_conversion'];
  const r2tNode = config.document.getIn(r2tPath, true) as { range?: [number] } | undefined;
  const facts: CollectorFacts = {
    config: file,
    exporter: exporter?.id ?? 'awsemf',
    exporterLocation: exporter ? { file, line: exporter.location.line, column: exporter.location.column, path: exporter.location.path } : undefined,
    dimensionRollupOption: emf?.dimensionRollupOption ?? 'ZeroAndSingleDimensionRollup',
    resourceToTelemetry: {
      enabled: emf?.resourceToTelemetryConversion.enabled ?? false,
      location: r2tNode?.range ? { file, line: config.lineCounter.linePos(r2tNode.range[0]).line, path: r2tPath.join('.') } : undefined,
    },
  };
  const { assumptions } = prediction;
  const retention = typeof exporter?.raw.log_retention === 'number' ? exporter.raw.log_retention : 0;
  const intervals = Object.entries(assumptions.scrapeIntervals).map(([job, seconds]) => `${job} every ${seconds} s`);
  return {
    input,
    collector,
    config,
    exporter,
    exporters,
    prediction,
    facts,
    scrape: input.scrape === undefined ? undefined : displayPath(context.cwd, input.scrape),
    metrics,
    emfLogs: { bytesPerMonth: prediction.emf.bytesPerMonth, retentionDays: retention },
    otlp: prediction.summary.otlp,
    otlpEquivalent: equivalent?.volume,
    otlpMetricTypes: equivalent?.metricTypes,
    containerInsights: prediction.containerInsights,
    assumptions: [
      `${file}: ADOT collector ${prediction.collectorVersion} (contrib ${prediction.profile.contribVersion}${prediction.collectorVersionRule ? `; ${prediction.collectorVersionRule}` : ''}), ` +
        `${assumptions.replicas} replica${assumptions.replicas === 1 ? '' : 's'}` +
        `${assumptions.replicasMultiplyMetrics ? ' (each replica adds its own metrics)' : ' (replicas send the same metrics)'}, ` +
        `scrape ${intervals.length > 0 ? intervals.join(', ') : `every ${assumptions.scrapeIntervalSeconds} s`}` +
        `${input.scrape ? `, series from ${displayPath(context.cwd, input.scrape)}` : ''}; every metric billed as a full metric-month (it receives data every hour)`,
      `${file}: EMF logs ${formatBytes(prediction.emf.bytesPerMonth)} a month ingested (JSON bytes, without the 26 B per event PutLogEvents counts); ` +
        (retention > 0 ? `stored ${retention} days (log_retention)` : 'storage priced in the 12th month of a log group that never expires (log_retention 0), compressed to 15%'),
      ...assumptions.notes.map((note) => `${file}: ${note}`),
      ...otlpAssumptions(file, prediction, equivalent),
      ...(prediction.containerInsights
        ? [
            ...prediction.containerInsights.enhancedObservability.assumptions.map((line) => `${file}: Container Insights enhanced observability: ${line}`),
            ...prediction.containerInsights.otelContainerInsights.assumptions.map((line) => `${file}: OTel Container Insights: ${line}`),
          ]
        : []),
    ],
    helper,
  };
}

function otlpAssumptions(file: string, prediction: Omit<MetricsPrediction, 'metrics'>, equivalent: OtlpEquivalent | undefined): string[] {
  const volume = prediction.summary.otlp ?? equivalent?.volume;
  if (!volume) return [];
  const what = prediction.summary.otlp ? 'OTLP' : 'the same series over OTLP (if awsemf were replaced by otlphttp)';
  return volume.assumptions.map((line) => `${file}: ${what}: ${line}`);
}

/** The inputs, read exactly as `cwdash metrics --config ... --scrape ... --cluster-inventory ...` reads them. */
function loadOptions(input: CollectorInput, context: AnalysisContext): HelperJob {
  return {
    cwd: context.cwd,
    configFile: input.config,
    scrapeFile: input.scrape,
    clusterInventoryFile: input.clusterInventory,
    clusterName: input.clusterName,
    envFile: input.envFile,
    env: context.env,
    collectorVersion: input.collectorVersion,
    collectorVersionSource: input.collectorVersionSource,
    replicas: input.replicas,
  };
}

export interface FixContext extends AnalysisContext {
  /** True when a dashboard or alarm reads the metric. */
  readonly readers: (metric: MetricIdentity) => boolean;
  readonly allowList: AllowList | undefined;
  readonly today: string;
  readonly prices: PriceTable;
  readonly freeTier: boolean;
  readonly writeFixDir?: string | undefined;
  /** Every collector config of the run, so fix files that would share a name are told apart. */
  readonly allConfigs?: readonly string[] | undefined;
  /** `--allow-drop-all`: write a fix even when it removes every metric of the collector. */
  readonly allowDropAll?: boolean | undefined;
}

/**
 * The fixed config for one collector: what it keeps, what it costs after, and the file to write. Each candidate fix
 * is predicted again; the one with the fewest metrics that loses no read metric wins (the precise declarations when
 * they tie), so "keeps every read metric" is checked, not assumed.
 */
export async function collectorFix(analysis: CollectorAnalysis, context: FixContext): Promise<{ summary: FixSummary; file?: PendingFile }> {
  try {
    return await fixOf(analysis, context);
  } finally {
    analysis.helper.close();
  }
}

async function fixOf(analysis: CollectorAnalysis, context: FixContext): Promise<{ summary: FixSummary; file?: PendingFile }> {
  const keep = analysis.metrics
    .map((metric) => metric.identity)
    .filter((identity) => context.readers(identity) || allowListEntryFor(context.allowList, identity, 'unused-metric') !== undefined);
  const cost = (count: number) => {
    const line = customMetricsMonthlyCost(count, context.prices, { freeTier: context.freeTier });
    return line.status === 'priced' ? toCents(line.usd) : null;
  };
  const before = { metrics: analysis.metrics.length, monthlyUSD: cost(analysis.metrics.length) };
  const unchanged = { exporter: analysis.facts.exporter, before, after: before, lostReads: [] };
  if (keep.length === analysis.metrics.length) return { summary: { ...unchanged, notes: ['nothing to remove: every metric this collector creates is read'] } };

  const header = `generated by cwdash cost-report on ${context.today} from ${analysis.facts.config}: keeps the ${keep.length} metrics that are read`;
  const candidates = fixCandidates(analysis, keep).map((candidate) => ({
    ...candidate,
    text: fixedConfigText(analysis.config.document, candidate.fix, { exporter: analysis.facts.exporter, comment: [header, ...candidate.notes] }),
  }));
  const outcomes = await analysis.helper.evaluate(candidates.map((candidate) => candidate.text), fixedName(analysis.input.config), keep.map(metricKey));
  const evaluated = candidates.map((candidate, index) => ({
    ...candidate,
    count: outcomes[index]!.metrics,
    lost: outcomes[index]!.lost.map((kept) => keep[kept]!),
  }));
  const best = evaluated.reduce((a, b) => (b.lost.length < a.lost.length || (b.lost.length === a.lost.length && b.count < a.count) ? b : a));
  if (best.count >= analysis.metrics.length) return { summary: { ...unchanged, notes: ['no config change removes metrics without losing a read one'] } };
  if (best.count === 0 && context.writeFixDir !== undefined && context.allowDropAll !== true) {
    throw new UsageError(`the fix for ${analysis.facts.config} would drop all ${analysis.metrics.length} of its metrics: no dashboard, alarm or allow-list entry reads any of them`, {
      location: { file: analysis.facts.config },
      fix: 'check that --dashboards and --alarms name what reads this collector\'s metrics; pass --allow-drop-all if the collector really should send nothing',
    });
  }
  const fixedPath = context.writeFixDir === undefined ? undefined : fixTarget(analysis.input.config, context);
  const summary: FixSummary = {
    file: fixedPath === undefined ? undefined : displayPath(context.cwd, fixedPath),
    exporter: analysis.facts.exporter,
    before,
    after: { metrics: best.count, monthlyUSD: cost(best.count) },
    lostReads: best.lost,
    notes: [...best.notes, ...otherExporters(analysis).map((id) => `exporter ${id} is left as it is: the fix changes ${analysis.facts.exporter} only`)],
  };
  return { summary, file: fixedPath === undefined ? undefined : { path: fixedPath, content: best.text } };
}

/** awsemf exporters other than the one the fix edits, that also create metrics of this collector. */
function otherExporters(analysis: CollectorAnalysis): string[] {
  const ids = new Set(analysis.exporters);
  ids.delete(analysis.facts.exporter);
  return [...ids].sort(byteOrder);
}

/** The declarations fix, and the name-filter fix at each rollup option (for versions that cannot declare a set). */
function fixCandidates(analysis: CollectorAnalysis, keep: readonly MetricIdentity[]): { fix: ConfigFix; notes: string[] }[] {
  const profile = collectorProfile(analysis.prediction.collectorVersion);
  const plan = planDeclarations(keep, { honoursEmptyDeclaredSet: profile.honoursEmptyDeclaredSet });
  const keptNames = new Set(keep.map((identity) => identity.metricName));
  const excludedNames = [...new Set(analysis.metrics.map((metric) => metric.identity.metricName))].filter((name) => !keptNames.has(name)).sort(byteOrder);
  const pipelines = analysis.config.pipelines.filter((pipeline) => pipeline.signal === 'metrics' && pipeline.exporters.includes(analysis.facts.exporter)).map((pipeline) => pipeline.id);
  const filterNote = `${FILTER_PROCESSOR} drops the ${excludedNames.length} metric names nothing reads; this collector version cannot declare every read dimension set`;
  return [
    { fix: { kind: 'declarations', declarations: plan.declarations }, notes: [...plan.notes] },
    ...[NO_ROLLUP, SINGLE_ONLY, ZERO_AND_SINGLE].map((rollupOption) => ({
      fix: { kind: 'name-filter' as const, excludedNames, rollupOption, pipelines },
      notes: [filterNote, `dimension_rollup_option ${rollupOption} is the least rollup that still makes the read rollup sets`],
    })),
  ];
}

/**
 * Where the fixed copy of `config` goes inside --write-fix DIR: the config's own path below the working directory,
 * mirrored, with a new name so it never lands on the original. When another collector of the run would get the same
 * file (two otel-config.yaml outside the working directory), each mirrors its absolute folder instead, so no fix
 * overwrites another.
 */
function fixTarget(config: string, context: FixContext): string {
  const dir = resolve(context.cwd, context.writeFixDir!);
  const target = mirroredTarget(dir, config, context.cwd);
  const clash = (context.allConfigs ?? []).some((other) => resolve(context.cwd, other) !== resolve(context.cwd, config) && mirroredTarget(dir, other, context.cwd) === target);
  const chosen = clash ? join(dir, dirname(resolve(context.cwd, config)).replace(/^([A-Za-z]):/, '$1').replace(/^[\\/]+/, ''), fixedName(config)) : target;
  if (resolve(chosen) === resolve(context.cwd, config)) {
    throw new UsageError('the fixed config would replace the original', {
      location: { file: config },
      fix: 'pass --write-fix a directory other than the one the config is in',
    });
  }
  return chosen;
}

function mirroredTarget(dir: string, config: string, cwd: string): string {
  const relativePath = displayPath(cwd, config);
  return join(dir, isAbsolute(relativePath) ? '' : dirname(relativePath), fixedName(config));
}

/** `otel-config.yaml` → `otel-config.cwdash-fix.yaml`: a new name, so a fix can never land on the original. */
export function fixedName(config: string): string {
  const name = basename(config);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.cwdash-fix${name.slice(dot)}` : `${name}.cwdash-fix.yaml`;
}
