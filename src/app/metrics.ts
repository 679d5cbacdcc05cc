/**
 * `cwdash metrics`: the CloudWatch custom metrics one collector config creates (its scrape, cluster inventory and
 * project-config entry merged, flag first), or the metrics already-written EMF events create.
 */
import { resolve } from 'node:path';
import { loadProjectConfig } from '../config/project-config.js';
import { analyzeCollector } from '../analysis/awsemf/collector.js';
import type { MetricsResult } from '../model/prediction.js';
import type { ExpositionFormat } from '../sources/exposition/read.js';
import { UsageError } from '../shared/errors.js';
import type { AppContext } from './context.js';

export interface MetricsOptions {
  readonly config?: string | undefined;
  /** A file, or `-` for the context's stdin. */
  readonly scrape?: string | undefined;
  readonly scrapeUrl?: string | undefined;
  readonly scrapeFormat?: ExpositionFormat | undefined;
  readonly envFile?: string | undefined;
  readonly collectorVersion?: string | undefined;
  readonly replicas?: number | undefined;
  /** Distinct series the scrape may hold. */
  readonly maxSeries?: number | undefined;
  readonly clusterInventory?: string | undefined;
  readonly clusterName?: string | undefined;
  /** EMF events to count instead (JSON lines; `-` for stdin). */
  readonly emf?: string | undefined;
}

export async function metrics(options: MetricsOptions, context: AppContext): Promise<MetricsResult> {
  if (options.emf !== undefined) {
    for (const flag of ['config', 'scrape', 'scrapeUrl', 'clusterInventory', 'clusterName'] as const) {
      if (options[flag] !== undefined) throw new UsageError(`--emf counts existing events; it does not combine with --${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, { fix: 'run cwdash metrics once per input' });
    }
    const { readEmfEvents } = await import('../sources/emf/read.js');
    return readEmfEvents(options.emf === '-' ? '-' : resolve(context.cwd, options.emf), context.stdin, options.emf);
  }
  const input = await collectorInput(options, context);
  return analyzeCollector({
    ...input,
    scrapeFormat: options.scrapeFormat,
    scrapeUrl: options.scrapeUrl,
    maxSeries: options.maxSeries,
    clusterInventoryFile: options.clusterInventory,
    clusterName: options.clusterName ?? input.clusterName,
    cwd: context.cwd,
    env: context.env,
    stdin: context.stdin,
  });
}

/**
 * Flag > project config > default. Without --config the project config's collector is used; with --config, a
 * project collector entry for the same file still supplies the scrape, env file, version and replicas not given.
 */
async function collectorInput(options: MetricsOptions, context: AppContext) {
  const { cwd } = context;
  const { config: project, file: projectFile } = await loadProjectConfig(cwd, context.projectConfig);
  const collectors = project.collectors ?? [];
  const configFile = options.config;
  let entry = configFile === undefined ? undefined : collectors.find((collector) => collector.config === resolve(cwd, configFile));
  if (configFile === undefined) {
    if (collectors.length !== 1) {
      throw new UsageError(collectors.length === 0 ? 'no collector config given' : `${projectFile} lists ${collectors.length} collectors`, {
        fix: collectors.length === 0 ? 'pass --config otel-config.yaml (and --scrape metrics.txt)' : `pass --config with one of: ${collectors.map((c) => c.config).join(', ')}`,
      });
    }
    entry = collectors[0];
  }
  const scrapeFromFlags = options.scrape !== undefined || options.scrapeUrl !== undefined;
  return {
    configFile: configFile ?? entry!.config,
    scrapeFile: options.scrape ?? (scrapeFromFlags ? undefined : entry?.scrape),
    envFile: options.envFile ?? entry?.envFile,
    collectorVersion: options.collectorVersion ?? entry?.collectorVersion,
    replicas: options.replicas ?? entry?.replicas,
    clusterName: entry?.clusterName,
  };
}
