/**
 * `cwdash.config.ts`: the optional project file whose fields give every command its defaults. Precedence is
 * flag > project config > documented default. Relative paths in the file are resolved against the file's directory.
 */
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { InputError } from '../shared/errors.js';
import { fileExists } from '../shared/files.js';
import { importDefaultExport } from '../shared/typescript-module.js';

export const PROJECT_CONFIG_FILE = 'cwdash.config.ts';

const collectorSchema = z
  .object({
    /** The OpenTelemetry collector configuration (YAML). */
    config: z.string().min(1),
    /** A Prometheus exposition (scrape) of the app that collector scrapes. */
    scrape: z.string().min(1).optional(),
    /** `kubectl get nodes,pods,services -A -o json` output, for a Container Insights DaemonSet config. */
    clusterInventory: z.string().min(1).optional(),
    /** The cluster's name, when the DaemonSet config's log_group_name and the nodes' labels do not give it. */
    clusterName: z.string().min(1).optional(),
    /** A dotenv-style file with the variables the collector config references. */
    envFile: z.string().min(1).optional(),
    /** ADOT collector version whose awsemf behaviour to predict. */
    collectorVersion: z.string().min(1).optional(),
    /** How many pods run this collector + app pair. */
    replicas: z.number().int().positive().optional(),
    /** The region this collector sends to (and is priced in); default its awsemf exporter's `region`. */
    region: z.string().min(1).optional(),
  })
  .strict();

export const projectConfigSchema = z
  .object({
    dashboardsDir: z.string().min(1).optional(),
    outDir: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
    /** Prefix of the dashboard names cwdash owns in the account (publish, prune, pull). */
    prefix: z.string().optional(),
    collectors: z.array(collectorSchema).optional(),
    rulesFile: z.string().min(1).optional(),
    alarmsFile: z.string().min(1).optional(),
    allowListFile: z.string().min(1).optional(),
    /** Grafana dashboard JSON files or folders that read these metrics (as --grafana). */
    grafana: z.array(z.string().min(1)).optional(),
    /** The Grafana CloudWatch data source's default region, for targets whose region is `default`. */
    grafanaDefaultRegion: z.string().min(1).optional(),
    /** CloudTrail log files or folders with GetMetricData/GetMetricStatistics data events (as --cloudtrail). */
    cloudtrail: z.array(z.string().min(1)).optional(),
    budgetUSD: z.number().nonnegative().optional(),
    /**
     * Who owns which metrics, for cost by team without tags: the first rule whose globs (`*` = any run of characters)
     * match a metric's namespace, name and dimension values owns it.
     */
    owners: z
      .array(
        z
          .object({
            team: z.string().min(1),
            namespace: z.string().min(1).optional(),
            metricName: z.string().min(1).optional(),
            dimensions: z.record(z.string(), z.string()).optional(),
          })
          .strict(),
      )
      .optional(),
  })
  .strict();

export type ProjectConfig = z.infer<typeof projectConfigSchema>;
/** A `collectors` entry as written; paths are made absolute on load. It is a `CollectorInput` (src/model). */
export type ProjectCollector = z.infer<typeof collectorSchema>;
export type { CollectorInput } from '../model/collector-input.js';

/** Typed identity function for `cwdash.config.ts`: `export default defineConfig({ region: 'ap-northeast-1' })`. */
export function defineConfig(config: ProjectConfig): ProjectConfig {
  return config;
}

export interface LoadedProjectConfig {
  /** The file the settings came from, or undefined when there is none. */
  readonly file: string | undefined;
  /** Settings with every path made absolute. */
  readonly config: ProjectConfig;
}

/** Loads `explicitFile`, or `cwdash.config.ts` in `cwd` when present; no file means no settings. */
export async function loadProjectConfig(cwd: string, explicitFile?: string): Promise<LoadedProjectConfig> {
  const file = resolve(cwd, explicitFile ?? PROJECT_CONFIG_FILE);
  if (explicitFile === undefined && !(await fileExists(file))) return { file: undefined, config: {} };
  const parsed = projectConfigSchema.safeParse(await importDefaultExport(file));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`invalid project config: ${issue.message}`, {
      location: { file, path: issue.path.join('.') },
      fix: 'export default defineConfig({...}) with the fields the README lists',
    });
  }
  return { file, config: resolvePaths(parsed.data, dirname(file)) };
}

function resolvePaths(config: ProjectConfig, base: string): ProjectConfig {
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(base, value));
  return {
    ...config,
    dashboardsDir: path(config.dashboardsDir),
    outDir: path(config.outDir),
    rulesFile: path(config.rulesFile),
    alarmsFile: path(config.alarmsFile),
    allowListFile: path(config.allowListFile),
    grafana: config.grafana?.map((value) => resolve(base, value)),
    cloudtrail: config.cloudtrail?.map((value) => resolve(base, value)),
    collectors: config.collectors?.map((collector) => ({
      ...collector,
      config: resolve(base, collector.config),
      scrape: path(collector.scrape),
      clusterInventory: path(collector.clusterInventory),
      envFile: path(collector.envFile),
    })),
  };
}
