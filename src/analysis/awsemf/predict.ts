/**
 * Which CloudWatch custom metrics a collector config creates (docs/sources.md#awsemf): every metrics pipeline that runs a
 * prometheus receiver into an awsemf exporter, every scrape target, through the modelled processors, by the rules of
 * the chosen collector version. `predictMetrics` is pure; `collector.ts` reads the inputs and calls it.
 */
import { InputError, UsageError } from '../../shared/errors.js';
import { compareMetricIdentities, metricKey, normalizeMetricIdentity } from '../../model/metric-identity.js';
import { compareStrings } from '../../shared/json.js';
import { formatLocation } from '../../shared/errors.js';
import type { CollectorConfig, ConfigLocation, ExporterComponent, ProcessorModel } from '../../sources/collector-config/model.js';
import type { Scrape } from '../../sources/exposition/scrape.js';
import { initDeclarations } from './declarations.js';
import { EmfTargetExport, newExportStats, type ExportStats } from './emf-export.js';
import type { EmfExportContext } from './export-context.js';
import { toPredictedMetric, type MetricAccumulator } from './metric-accumulator.js';
import { LOG_EVENT_OVERHEAD_BYTES } from './emf-size.js';
import { IdentityStore } from './identity-store.js';
import { applyResourceProcessors, namesDroppedFirst, pointProcessors } from './processors.js';
import { collectorProfile, type CollectorProfile } from './profiles.js';
import { prometheusPoints, prometheusTarget, targetsOf } from './prometheus-to-otel.js';
import { compileRelabelRules } from './relabel.js';
import { identitiesOf, summarize } from '../../model/metric-summary.js';
import { listedMetrics, type MetricSource, type MetricsPrediction, type PredictedMetric, type PredictionWarning, type StreamedMetrics } from '../../model/prediction.js';
import type { ContainerInsightsModes } from '../../model/container-insights-modes.js';
import type { OtlpEquivalent } from '../../model/otlp-prediction.js';
import { otlpElsewhere, otlpEquivalent, predictOtlp } from '../otlp/predict.js';

export const DAYS_PER_MONTH = 30;

export interface PredictOptions {
  readonly config: CollectorConfig;
  /** The app's exposition; without it only the scrape-loop gauges of each target are predicted. */
  readonly scrape?: Scrape | undefined;
  /** ADOT collector version (default: the newest cwdash models). */
  readonly collectorVersion?: string | undefined;
  /** Pods running the app (+ sidecar collector). */
  readonly replicas?: number | undefined;
  /** Metrics another source predicts for this config (Container Insights, EMF logs), merged into the result. */
  readonly additionalMetrics?: readonly PredictedMetric[] | undefined;
  /** Receiver ids those additional metrics model, so they are not listed as "not modelled". */
  readonly modelledReceivers?: readonly string[] | undefined;
  /** The cluster's Container Insights in all three modes (`--cluster-inventory`). */
  readonly containerInsights?: ContainerInsightsModes | undefined;
  /** `false`: leave `metrics` empty and only count (a scrape of a million series, where the list is the cost). */
  readonly listMetrics?: boolean | undefined;
}

const EMPTY_SCRAPE: Scrape = { source: '(none)', format: 'text', seriesCount: 0, metadata: new Map(), samples: 0, duplicates: 0, forEachSeries: () => undefined, forEachSeriesNamed: () => undefined };

export function predictMetrics(options: PredictOptions): MetricsPrediction {
  const streamed = predictMetricsStreamed(options);
  return options.listMetrics === false && !options.additionalMetrics?.length ? streamed.result : listedMetrics(streamed);
}

/**
 * The prediction with its metrics as a sequence, built one at a time in identity order when visited (`metrics` is
 * left empty): `cwdash metrics` renders a million of them without a list of them all.
 */
export function predictMetricsStreamed(options: PredictOptions): StreamedMetrics<MetricsPrediction> {
  const profile = collectorProfile(options.collectorVersion);
  const replicas = options.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) throw new UsageError(`replicas must be a whole number ≥ 1, got ${replicas}`, { fix: 'give the number of pods running the app and collector, e.g. 3' });
  const run = runPrediction(options.config, options.scrape ?? EMPTY_SCRAPE, profile, replicas);
  const warnings = [...run.warnings];
  let multiply = false;
  if (replicas > 1) {
    const single = runPrediction(options.config, options.scrape ?? EMPTY_SCRAPE, profile, 1);
    multiply = run.metrics.size > single.metrics.size;
    if (!multiply && run.metrics.size > 0) {
      warnings.push({
        message: `the ${replicas} replicas send the same metric identities (no per-pod dimension): the count stays ${run.metrics.size}, but every pod's values land in the same metrics, so gauges mix and per-pod problems are invisible`,
      });
    }
  }
  if (!options.scrape && run.prometheusTargets > 0) {
    warnings.push({ message: 'no scrape of the app given: only the 5 scrape-loop gauges per target are predicted' });
  }
  if (profile.scrapeDurationUnit === 'seconds' && run.prometheusTargets > 0) {
    warnings.push({ message: `this collector writes "Unit":"seconds" for scrape_duration_seconds, which is not a CloudWatch unit; if CloudWatch rejects the directive, every metric sharing its event is lost (docs/sources.md#awsemf)` });
  }
  for (const [label, list] of [['more than 100 metrics in one EMF directive (CloudWatch extracts none of them)', run.stats.oversizedGroups], ['a dimension set of more than 30 names (CloudWatch rejects it)', run.stats.overwideSets]] as const) {
    if (list.length > 0) warnings.push({ message: `${list.length} event(s) with ${label}: ${list.slice(0, 3).join('; ')}` });
  }
  if (run.stats.droppedNaN.length > 0) {
    warnings.push({
      message: profile.dropsNaN
        ? `${run.stats.droppedNaN.length} NaN/Inf value(s) are dropped by this collector (e.g. ${run.stats.droppedNaN[0]})`
        : `${run.stats.droppedNaN.length} NaN/Inf value(s) (e.g. ${run.stats.droppedNaN[0]}): this collector cannot serialise them and loses the whole event they are in`,
    });
  }
  const additional = options.additionalMetrics ?? [];
  const store = run.metrics;
  // Metrics another source adds are merged into one list (a cluster's, never a million); the scrape's stay in the store.
  const merged = additional.length > 0 ? mergeMetrics([...storedMetrics(store)], additional) : undefined;
  const modelled = new Set(options.modelledReceivers ?? []);
  const notModelled = options.config.notModelled
    .filter((entry) => !(entry.kind === 'receivers' && modelled.has(entry.component)))
    .map((entry) => ({ component: entry.component, kind: entry.kind, reason: entry.reason, location: where(entry.location) }))
    .concat(otlpElsewhere(options.config).map((entry) => ({ ...entry, location: where(entry.location) })));
  const interval = Object.values(run.intervals)[0] ?? 60;
  const otlpInputs = { config: options.config, scrape: options.scrape ?? EMPTY_SCRAPE, profile, replicas };
  const otlp = predictOtlp(otlpInputs);
  const identities: MetricSource = merged
    ? identitiesOf(merged)
    : (visit) => store.forEach((namespace, metricName, entry) => visit(namespace, metricName, entry.set, entry.values));
  const summary = summarize(identities, notModelled);
  const result: MetricsPrediction = {
    schemaVersion: 1,
    collectorVersion: profile.collectorVersion,
    profile: { label: profile.label, contribVersion: profile.contribVersion },
    configFile: options.config.file,
    ...(options.scrape
      ? { scrape: { source: options.scrape.source, format: options.scrape.format, series: options.scrape.seriesCount, samples: options.scrape.samples, duplicates: options.scrape.duplicates } }
      : {}),
    metrics: [],
    summary: otlp ? { ...summary, otlp: otlp.summary } : summary,
    emf: {
      eventsPerScrape: run.stats.events,
      bytesPerScrape: run.stats.bytes,
      bytesPerScrapeWithOverhead: run.stats.bytes + LOG_EVENT_OVERHEAD_BYTES * run.stats.events,
      eventsPerMonth: run.monthly.events,
      bytesPerMonth: run.monthly.bytes,
      bytesPerMonthWithOverhead: run.monthly.bytes + LOG_EVENT_OVERHEAD_BYTES * run.monthly.events,
      logGroups: [...run.stats.logGroups].sort(compareStrings),
    },
    ...(otlp ? { pipelines: otlp.pipelines, otlpSeries: otlp.series } : {}),
    ...(options.containerInsights ? { containerInsights: options.containerInsights } : {}),
    assumptions: {
      scrapeIntervalSeconds: interval,
      scrapeIntervals: run.intervals,
      replicas,
      replicasMultiplyMetrics: multiply,
      daysPerMonth: DAYS_PER_MONTH,
      notes: predictionNotes(run.prometheusTargets > 0, (options.additionalMetrics?.length ?? 0) > 0),
    },
    warnings,
  };
  return { result, metrics: merged ?? { [Symbol.iterator]: () => storedMetrics(store) }, identities };
}

/**
 * The awsemf pipelines' data as if it were exported over OTLP instead (the cost report's Classic-vs-OTLP comparison);
 * undefined when there is nothing to compare: no awsemf pipeline, or none with a prometheus receiver (Container
 * Insights has no scrape to send over OTLP).
 */
export function predictOtlpEquivalent(options: Pick<PredictOptions, 'config' | 'scrape' | 'collectorVersion' | 'replicas'>): OtlpEquivalent | undefined {
  const profile = collectorProfile(options.collectorVersion);
  const equivalent = otlpEquivalent({ config: options.config, scrape: options.scrape ?? EMPTY_SCRAPE, profile, replicas: options.replicas ?? 1 });
  return equivalent && equivalent.volume.series > 0 ? equivalent : undefined;
}

function* storedMetrics(store: IdentityStore<MetricAccumulator>): Generator<PredictedMetric> {
  for (const { entry, namespace, metricName } of store.sorted()) yield toPredictedMetric(namespace, metricName, entry);
}

/** What the figures assume, for the sources this config really has. */
function predictionNotes(scrapesPrometheus: boolean, hasContainerInsights: boolean): string[] {
  const notes: string[] = [];
  if (scrapesPrometheus) {
    notes.push(
      'steady state: counters (cumulative sums) are written from the second scrape after a collector start on',
      'counter values in EMF bytes are sized from the scraped value (the delta actually written is usually shorter)',
      'every target of every prometheus scrape config is assumed to expose the given scrape',
    );
  }
  if (hasContainerInsights) {
    // Only constructed sample events exist for the receiver (docs/sources.md#container-insights): no exact size rule.
    notes.push(
      'Container Insights performance log events (one per node, pod, container, service and namespace every collection interval) are not sized: their CloudWatch Logs ingestion and storage are not in the EMF figures',
    );
  }
  return notes;
}

interface Run {
  readonly metrics: IdentityStore<MetricAccumulator>;
  readonly stats: ExportStats;
  readonly monthly: { events: number; bytes: number };
  readonly intervals: Record<string, number>;
  readonly warnings: PredictionWarning[];
  readonly prometheusTargets: number;
}

function runPrediction(config: CollectorConfig, scrape: Scrape, profile: CollectorProfile, replicas: number): Run {
  const metrics = new IdentityStore<MetricAccumulator>();
  const stats = newExportStats();
  const monthly = { events: 0, bytes: 0 };
  const intervals: Record<string, number> = {};
  const warnings: PredictionWarning[] = config.warnings.map((warning) => ({ message: warning.message, location: where(warning.location) }));
  let prometheusTargets = 0;
  for (const pipeline of config.pipelines.filter((p) => p.signal === 'metrics')) {
    const exporters = pipeline.exporters.map((id) => config.exporters.get(id)).filter((e): e is ExporterComponent => e?.awsemf !== undefined && writesToCloudWatch(e, warnings));
    if (exporters.length === 0) continue;
    const contexts = exporters.map((exporter) => exportContext(exporter, profile, pipeline.id, warnings));
    const processors = pipeline.processors.map((id) => config.processors.get(id)?.model).filter((model): model is ProcessorModel => model !== undefined);
    const processPoint = pointProcessors(processors);
    const dropped = namesDroppedFirst(processors);
    for (const receiverId of pipeline.receivers) {
      const receiver = config.receivers.get(receiverId);
      if (!receiver?.prometheus) continue;
      for (const scrapeConfig of receiver.prometheus.scrapeConfigs) {
        intervals[scrapeConfig.jobName] = scrapeConfig.scrapeIntervalSeconds;
        const relabel = compileRelabelRules(scrapeConfig.metricRelabelConfigs);
        const invalid = relabel.invalid[0];
        if (invalid) {
          throw new InputError(`invalid relabel regex ${JSON.stringify(invalid.rule.regex)}: ${invalid.error} (the collector does not start)`, {
            location: invalid.rule.regexLocation ?? invalid.rule.location,
            fix: 'write a valid RE2 regular expression (Prometheus anchors it: ^(?:regex)$)',
          });
        }
        for (const rule of scrapeConfig.metricRelabelConfigs.filter((r) => r.action === 'hashmod')) {
          warnings.push({ message: 'hashmod relabelling is not modelled: the labels are left as they are', location: where(rule.location) });
        }
        const { targets, copies } = targetsOf(scrapeConfig, replicas, warnings);
        for (const target of targets) {
          prometheusTargets++;
          const targetMetrics = prometheusTarget(scrape, scrapeConfig, target, profile);
          targetMetrics.resource = applyResourceProcessors(targetMetrics.resource, processors);
          const exports = contexts.map((context) => {
            const targetStats = newExportStats();
            return { targetStats, export: new EmfTargetExport(targetMetrics, { ...context, receiver: receiverId }, metrics, targetStats) };
          });
          const scraped = prometheusPoints(scrape, scrapeConfig, target, profile, relabel.compiled, (point) => {
            for (const processed of processPoint(point)) for (const { export: emf } of exports) emf.add(processed);
          }, dropped);
          if (scraped.overSampleLimit) {
            warnings.push({
              message: `${scraped.samplesAfterRelabel} samples after relabelling exceed sample_limit ${scrapeConfig.sampleLimit} of job "${scrapeConfig.jobName}": Prometheus fails every scrape of ${target.address} ("sample limit exceeded"), so only its 5 scrape-loop gauges (up = 0) are predicted`,
              location: where(scrapeConfig.location),
            });
          }
          const scrapesPerMonth = (DAYS_PER_MONTH * 86_400) / scrapeConfig.scrapeIntervalSeconds;
          for (const { targetStats, export: emf } of exports) {
            emf.finish();
            stats.events += targetStats.events * copies;
            stats.bytes += targetStats.bytes * copies;
            monthly.events += targetStats.events * copies * scrapesPerMonth;
            monthly.bytes += targetStats.bytes * copies * scrapesPerMonth;
            for (const group of targetStats.logGroups) stats.logGroups.add(group);
            stats.oversizedGroups.push(...targetStats.oversizedGroups);
            stats.overwideSets.push(...targetStats.overwideSets);
            stats.droppedNaN.push(...targetStats.droppedNaN);
          }
        }
      }
    }
  }
  // A config exporting over OTLP instead gets its OTLP prediction; the missing awsemf exporter is no news there.
  if (!config.pipelines.some((p) => p.signal === 'metrics' && p.exporters.some((id) => config.exporters.get(id)?.awsemf || config.exporters.get(id)?.otlp))) {
    warnings.push({ message: 'no metrics pipeline sends to an awsemf exporter: this config creates no CloudWatch custom metrics through EMF', location: config.file });
  }
  return { metrics, stats, monthly, intervals, warnings, prometheusTargets };
}

/** `output_destination: stdout` prints the EMF lines instead of sending them: no CloudWatch metrics at all. */
function writesToCloudWatch(exporter: ExporterComponent, warnings: PredictionWarning[]): boolean {
  if (exporter.awsemf!.outputDestination.toLowerCase() !== 'stdout') return true;
  warnings.push({ message: `${exporter.id} writes EMF to stdout (output_destination), not to CloudWatch: it creates no custom metrics`, location: where(exporter.location) });
  return false;
}

function exportContext(exporter: ExporterComponent, profile: CollectorProfile, pipeline: string, warnings: PredictionWarning[]): EmfExportContext {
  const config = exporter.awsemf!;
  const { declarations, warnings: problems } = initDeclarations(config.metricDeclarations, { invalidMatcherIsFatal: profile.invalidMatcherIsFatal });
  for (const problem of problems) warnings.push({ message: problem.message, ...(problem.location ? { location: where(problem.location) } : {}) });
  const unsupported: [string, boolean][] = [
    ['detailed_metrics', profile.supportsDetailedMetrics],
    ['metric_descriptors', profile.supportsMetricDescriptors],
    ['version', profile.supportsVersionOption],
    ['retain_initial_value_of_delta_metric', profile.supportsDetailedMetrics],
  ];
  for (const [option, supported] of unsupported) {
    if (!supported && config.explicitOptions.includes(option)) {
      warnings.push({ message: `awsemf option "${option}" does not exist in ADOT ${profile.collectorVersion} (contrib ${profile.contribVersion}): ignored or rejected at start-up`, location: where(exporter.location) });
    }
  }
  const declaredSets = new Set(declarations.flatMap((declaration) => declaration.dimensions.map((set) => set.join(','))));
  return { config, profile, declarations, declaredSets, pipeline, receiver: '', exporter: exporter.id };
}

function where(location: ConfigLocation): string {
  return formatLocation(location);
}

function mergeMetrics(metrics: readonly PredictedMetric[], additional: readonly PredictedMetric[]): PredictedMetric[] {
  const byKey = new Map<string, PredictedMetric>();
  for (const metric of [...metrics, ...additional]) {
    const key = metricKey(metric);
    if (!byKey.has(key)) byKey.set(key, { ...metric, ...normalizeMetricIdentity(metric) });
  }
  return [...byKey.values()].sort(compareMetricIdentities);
}
