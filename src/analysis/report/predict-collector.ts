/**
 * The analyzer's prediction for one configured collector, read the way `cwdash metrics` reads it: the config with its
 * env file, the app's scrape, and for a Container Insights DaemonSet the cluster inventory, whose metrics are merged
 * into the same prediction. The inputs are returned too, so the fix can be predicted again from the same scrape.
 */
import { Readable } from 'node:stream';
import type { CollectorInput } from '../../config/project-config.js';
import { loadEnvFile, type Env } from '../../sources/collector-config/env.js';
import { parseCollectorConfig } from '../../sources/collector-config/load.js';
import type { CollectorConfig } from '../../sources/collector-config/model.js';
import { loadClusterInventory } from '../../sources/cluster-inventory/load.js';
import type { ClusterInventory } from '../../sources/cluster-inventory/model.js';
import { readScrapeFile, type Scrape } from '../../sources/exposition/scrape.js';
import { readTextFile } from '../../shared/files.js';
import { predictMetrics, type MetricsPrediction } from '../awsemf/predict.js';
import { containerInsightsRoutes, predictContainerInsightsMetrics } from '../container-insights/predict.js';

export interface CollectorSources {
  /** The environment `${env:...}` references expand from (the env file's variables win). */
  readonly env: Env;
  readonly scrape?: Scrape | undefined;
  readonly inventory?: ClusterInventory | undefined;
}

export async function readCollectorSources(input: CollectorInput, env: Env): Promise<CollectorSources> {
  return {
    env: input.envFile === undefined ? env : { ...env, ...(await loadEnvFile(input.envFile)) },
    scrape: input.scrape === undefined ? undefined : await readScrapeFile(input.scrape, Readable.from([])),
    inventory: input.clusterInventory === undefined ? undefined : await loadClusterInventory(input.clusterInventory),
  };
}

export async function loadCollectorConfigText(input: CollectorInput, sources: CollectorSources): Promise<CollectorConfig> {
  return parseCollectorConfig(await readTextFile(input.config, 'collector config'), input.config, sources.env);
}

export function predictCollector(config: CollectorConfig, input: CollectorInput, sources: CollectorSources): MetricsPrediction {
  const additional = sources.inventory
    ? predictContainerInsightsMetrics(config, sources.inventory, { collectorVersion: input.collectorVersion })
    : undefined;
  return predictMetrics({
    config,
    scrape: sources.scrape,
    collectorVersion: input.collectorVersion,
    replicas: input.replicas,
    additionalMetrics: additional,
    modelledReceivers: sources.inventory ? containerInsightsRoutes(config).map((route) => route.receiver) : undefined,
  });
}
