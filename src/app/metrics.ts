/**
 * `cwdash metrics`: the CloudWatch custom metrics one collector config creates (its scrape, cluster inventory and
 * project-config entry merged, flag first), or the metrics already-written EMF events create.
 */
import { resolve } from 'node:path';
import { loadProjectConfig } from '../config/project-config.js';
import { analyzeCollectorStreamed } from '../analysis/awsemf/collector.js';
import { identitiesOf } from '../model/metric-summary.js';
import type { StreamedMetrics } from '../model/prediction.js';
import type { CollectorInput } from '../model/collector-input.js';
import { collectorsFromFlags } from './collectors.js';
import type { ExpositionFormat } from '../sources/exposition/read.js';
import { UsageError } from '../shared/errors.js';
import type { AppContext } from './context.js';

export interface MetricsOptions {
  /** `--collector config=...,scrape=...,version=...` (at most one here). */
  readonly collector?: readonly string[] | undefined;
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

/** The result with its metrics as a sequence: the outputs write them one at a time (a scrape may make a million). */
export async function metrics(options: MetricsOptions, context: AppContext): Promise<StreamedMetrics> {
  if (options.emf !== undefined) {
    for (const flag of ['config', 'scrape', 'scrapeUrl', 'clusterInventory', 'clusterName'] as const) {
      if (options[flag] !== undefined) throw new UsageError(`--emf counts existing events; it does not combine with --${flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, { fix: 'run cwdash metrics once per input' });
    }
    const { readEmfEvents } = await import('../sources/emf/read.js');
    const counted = await readEmfEvents(options.emf === '-' ? '-' : resolve(context.cwd, options.emf), context.stdin, options.emf);
    return { result: { ...counted, metrics: [] }, metrics: counted.metrics, identities: identitiesOf(counted.metrics) };
  }
  const input = await collectorInput(options, context);
  return analyzeCollectorStreamed({
    cwd: context.cwd,
    env: context.env,
    stdin: context.stdin,
    maxSeries: options.maxSeries,
    configFile: input.config,
    scrapeFile: input.scrape,
    scrapeUrl: input.scrapeUrl,
    scrapeFormat: input.scrapeFormat,
    clusterInventoryFile: input.clusterInventory,
    clusterName: input.clusterName,
    envFile: input.envFile,
    collectorVersion: input.collectorVersion,
    collectorVersionSource: input.collectorVersionSource,
    replicas: input.replicas,
  });
}

/**
 * The one collector `metrics` predicts (src/app/collectors.ts maps it): the one the flags name, else the project
 * config's only collector, with the flags applied over its entry.
 */
async function collectorInput(options: MetricsOptions, context: AppContext): Promise<CollectorInput> {
  const { cwd } = context;
  const { config: project, file } = await loadProjectConfig(cwd, context.projectConfig);
  const collectors = project.collectors ?? [];
  const named = options.config !== undefined || (options.collector?.length ?? 0) > 0;
  if (!named && collectors.length !== 1) {
    throw new UsageError(collectors.length === 0 ? 'no collector config given' : `${file} lists ${collectors.length} collectors`, {
      fix: collectors.length === 0 ? 'pass --config otel-config.yaml (and --scrape metrics.txt)' : `pass --config with one of: ${collectors.map((c) => c.config).join(', ')}`,
    });
  }
  if (options.scrape !== undefined && options.scrapeUrl !== undefined) throw new UsageError('--scrape and --scrape-url both given', { fix: 'pass one of them' });
  const inputs = await collectorsFromFlags(
    {
      ...options,
      config: named ? (options.config === undefined ? undefined : [options.config]) : [collectors[0]!.config],
      scrape: options.scrape === undefined ? undefined : [options.scrape],
      clusterInventory: options.clusterInventory === undefined ? undefined : [options.clusterInventory],
    },
    { file, collectors },
    cwd,
  );
  if (inputs.length > 1) {
    throw new UsageError(`metrics predicts one collector; ${inputs.length} are named`, { fix: 'run cwdash metrics once per collector, or cwdash cost-report for several' });
  }
  return inputs[0]!;
}
