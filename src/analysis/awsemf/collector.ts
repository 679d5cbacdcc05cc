/**
 * One collector's prediction in two steps: `loadCollector` reads its inputs once (the config, the scrape from a
 * file, stdin or a URL, the cluster inventory), and `predictCollectorStreamed` predicts from them without any I/O, for the
 * config as loaded or for an edited copy of it (the cost report's fix candidates), so a scrape is parsed once however
 * many configs are tried on it.
 */
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { UsageError } from '../../shared/errors.js';
import { displayPath } from '../../shared/paths.js';
import type { ClusterInventory } from '../../sources/cluster-inventory/model.js';
import { loadEnvFile, type Env } from '../../sources/collector-config/env.js';
import { loadCollectorConfig, parseCollectorConfig } from '../../sources/collector-config/load.js';
import type { CollectorConfig } from '../../sources/collector-config/model.js';
import { fetchScrape } from '../../sources/exposition/fetch.js';
import type { ExpositionFormat } from '../../sources/exposition/read.js';
import type { Scrape } from '../../sources/exposition/scrape.js';
import { readScrapeFile } from '../../sources/exposition/scrape-file.js';
import { listedMetrics, type MetricsPrediction, type StreamedMetrics } from '../../model/prediction.js';
import { containerInsightsModes } from '../container-insights/modes.js';
import { CONTAINER_INSIGHTS_RECEIVER, predictContainerInsightsMetrics } from '../container-insights/predict.js';
import { chooseCollectorVersion } from './collector-version.js';
import type { OtlpEquivalent } from '../../model/otlp-prediction.js';
import { predictMetricsStreamed, predictOtlpEquivalent } from './predict.js';

export interface AnalyzeCollectorOptions {
  /** Relative paths resolve against `cwd` and are shown as given; absolute ones are shown relative to `cwd`. */
  readonly cwd?: string | undefined;
  readonly configFile: string;
  readonly scrapeFile?: string | undefined;
  readonly scrapeUrl?: string | undefined;
  readonly scrapeFormat?: ExpositionFormat | undefined;
  /** Distinct series the scrape may hold (default DEFAULT_MAX_SERIES). */
  readonly maxSeries?: number | undefined;
  readonly envFile?: string | undefined;
  readonly env: Env;
  /** Needed when `scrapeFile` is `-`. */
  readonly stdin?: Readable | undefined;
  readonly collectorVersion?: string | undefined;
  /** Where `collectorVersion` was given, in words (`--collector-version`, `cwdash.config.ts`), for the output. */
  readonly collectorVersionSource?: string | undefined;
  readonly replicas?: number | undefined;
  /** `kubectl get nodes,pods,services -A -o json` output: adds the Container Insights metrics of the config (issue 8). */
  readonly clusterInventoryFile?: string | undefined;
  /** The cluster's name, when neither the config's log_group_name nor the nodes' labels give it. */
  readonly clusterName?: string | undefined;
}

/** A collector's inputs, read and parsed. */
export interface LoadedCollector {
  readonly config: CollectorConfig;
  /** The variables the config's `${env:...}` were expanded from (the env file's included), for edited copies. */
  readonly env: Env;
  readonly scrape?: Scrape | undefined;
  readonly inventory?: ClusterInventory | undefined;
  /** The version predicted, and which rule of `chooseCollectorVersion` chose it. */
  readonly collectorVersion: string;
  readonly collectorVersionRule: string;
  readonly collectorVersionWarning?: string | undefined;
  readonly replicas?: number | undefined;
  readonly clusterName?: string | undefined;
}

/** Reads the config, the scrape (file, stdin or URL) and the cluster inventory, then predicts. */
export async function analyzeCollector(options: AnalyzeCollectorOptions): Promise<MetricsPrediction> {
  return listedMetrics(await analyzeCollectorStreamed(options));
}

/** `analyzeCollector` with the metrics as a sequence (see `predictMetricsStreamed`). */
export async function analyzeCollectorStreamed(options: AnalyzeCollectorOptions): Promise<StreamedMetrics<MetricsPrediction>> {
  return predictCollectorStreamed(await loadCollector(options));
}

export async function loadCollector(options: AnalyzeCollectorOptions): Promise<LoadedCollector> {
  if (options.scrapeFile !== undefined && options.scrapeUrl !== undefined) {
    throw new UsageError('a scrape file and a scrape URL were both given', { fix: 'give one of them' });
  }
  const cwd = options.cwd ?? process.cwd();
  const at = (file: string) => resolve(cwd, file);
  const env = options.envFile === undefined ? options.env : { ...options.env, ...(await loadEnvFile(at(options.envFile))) };
  const config = await loadCollectorConfig(at(options.configFile), { env, displayName: displayPath(cwd, options.configFile) });
  let scrape: Scrape | undefined;
  const limits = { maxSeries: options.maxSeries };
  if (options.scrapeUrl !== undefined) scrape = await fetchScrape(options.scrapeUrl, undefined, limits);
  else if (options.scrapeFile !== undefined) {
    if (options.scrapeFile === '-' && !options.stdin) throw new UsageError('the scrape "-" is read from standard input, and there is none', { fix: 'pipe the scrape into cwdash' });
    scrape = options.scrapeFile === '-'
      ? await readScrapeFile('-', options.stdin!, options.scrapeFormat, '-', limits)
      : await readScrapeFile(at(options.scrapeFile), options.stdin!, options.scrapeFormat, displayPath(cwd, options.scrapeFile), limits);
  }
  let inventory: ClusterInventory | undefined;
  if (options.clusterInventoryFile !== undefined) {
    const { loadClusterInventory } = await import('../../sources/cluster-inventory/load.js');
    const preferFullPodName = containerInsightsReceivers(config).some((receiver) => receiver.raw.prefer_full_pod_name === true);
    inventory = await loadClusterInventory(at(options.clusterInventoryFile), { preferFullPodName });
  }
  const given = options.collectorVersion === undefined ? undefined : { version: options.collectorVersion, source: options.collectorVersionSource ?? 'the collector input' };
  const version = chooseCollectorVersion(given, inventory);
  return {
    config,
    env,
    scrape,
    inventory,
    collectorVersion: version.version,
    collectorVersionRule: version.rule,
    collectorVersionWarning: version.warning,
    replicas: options.replicas,
    clusterName: options.clusterName,
  };
}

/**
 * The prediction for the loaded config, or for `config` in its place (parsed from edited text by `parseEditedConfig`),
 * its metrics as a sequence (`listedMetrics` lists them).
 */
export function predictCollectorStreamed(collector: LoadedCollector, config: CollectorConfig = collector.config): StreamedMetrics<MetricsPrediction> {
  const containerInsights = collector.inventory === undefined ? undefined : containerInsightsPrediction(collector, config, collector.inventory);
  const { result: prediction, metrics, identities } = predictMetricsStreamed({
    config,
    scrape: collector.scrape,
    collectorVersion: collector.collectorVersion,
    replicas: collector.replicas,
    ...containerInsights,
  });
  const warning = collector.collectorVersionWarning;
  return {
    result: { ...prediction, collectorVersionRule: collector.collectorVersionRule, ...(warning ? { warnings: [{ message: warning }, ...prediction.warnings] } : {}) },
    metrics,
    identities,
  };
}

/**
 * The Classic Container Insights metrics of a config running the receiver (mode A), and the cluster in all three
 * modes; a config without the receiver still gets the add-on modes' estimates.
 */
function containerInsightsPrediction(collector: LoadedCollector, config: CollectorConfig, inventory: ClusterInventory) {
  const receivers = containerInsightsReceivers(config);
  const additionalMetrics = receivers.length === 0
    ? []
    : predictContainerInsightsMetrics(config, inventory, { collectorVersion: collector.collectorVersion, clusterName: collector.clusterName });
  const clusterName = additionalMetrics[0]?.dimensions.ClusterName ?? collector.clusterName ?? inventory.clusterName ?? '(cluster)';
  return {
    additionalMetrics,
    modelledReceivers: receivers.map((receiver) => receiver.id),
    containerInsights: containerInsightsModes(inventory, clusterName, additionalMetrics.length),
  };
}

/** An edited copy of the collector's config text, parsed with the same variables as the original. */
export function parseEditedConfig(collector: LoadedCollector, text: string, displayName: string): CollectorConfig {
  return parseCollectorConfig(text, displayName, collector.env);
}

function containerInsightsReceivers(config: CollectorConfig) {
  return [...config.receivers.values()].filter((receiver) => receiver.type === CONTAINER_INSIGHTS_RECEIVER);
}

/** The loaded collector's awsemf data as if it were exported over OTLP (see `predictOtlpEquivalent`). */
export function predictCollectorOtlpEquivalent(collector: LoadedCollector): OtlpEquivalent | undefined {
  return predictOtlpEquivalent({ config: collector.config, scrape: collector.scrape, collectorVersion: collector.collectorVersion, replicas: collector.replicas });
}
