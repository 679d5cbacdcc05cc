/**
 * What `cost-report` and `audit` share between their flags and the analysis: precedence flag > project config >
 * default (the bundled examples, so `npx cwdash cost-report` on a fresh clone shows a real report), the optional
 * account inventory, rendering in the chosen format, and writing the report and the fixed configs atomically.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CollectorInput } from '../config/project-config.js';
import { loadProjectConfig } from '../config/project-config.js';
import { projectRoot } from '../config/project-root.js';
import type { CostReport } from '../analysis/report/cost-report.js';
import { runCostReport } from '../analysis/report/run.js';
import { REGION_FIX, resolveRegion, type RegionCandidates } from '../model/region.js';
import { displayPath } from '../shared/paths.js';
import { UsageError } from '../shared/errors.js';
import { fileExists, writeFilesAtomically, type PendingFile } from '../shared/files.js';
import { info, type Io } from '../shared/io.js';
import type { CostInputOptions, ReportFormat } from './commands/cost-report.js';
import { readWithinDays, type AwsOptions } from './options.js';

/** The package root: the bundled examples, dashboards and rules live here whatever the working directory. */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const packageJson = createRequire(import.meta.url)('../../package.json') as { version: string };

export const BUNDLED_COLLECTORS: readonly CollectorInput[] = [
  // The example is the 2022 sidecar, ADOT v0.17.0 (dashboards/task-service.ts is written for it).
  {
    config: resolve(PACKAGE_ROOT, 'examples/task-service/otel-config.yaml'),
    scrape: resolve(PACKAGE_ROOT, 'examples/task-service/metrics.txt'),
    collectorVersion: '0.17.0',
  },
  {
    config: resolve(PACKAGE_ROOT, 'examples/cluster/otel-config.yaml'),
    clusterInventory: resolve(PACKAGE_ROOT, 'examples/cluster/inventory.json'),
    // The DaemonSet's awsemf sets no region (the chart passes it in the environment): the example cluster's is data.
    region: 'ap-northeast-1',
  },
];

export interface PreparedReport {
  readonly report: CostReport;
  readonly fixFiles: readonly PendingFile[];
  /** Where findings without a file of their own are placed in SARIF. */
  readonly fallbackLocation: string;
}

export async function prepareCostReport(options: CostInputOptions, io: Io): Promise<PreparedReport> {
  const { file: projectFile, config: project } = await loadProjectConfig(io.cwd, options.projectConfig);
  const collectors = collectorsFrom(options, project.collectors, io);
  const dashboards = await dashboardPaths(options, project.dashboardsDir, io.cwd, collectors === BUNDLED_COLLECTORS);
  const { readProfileSettings } = await import('../sources/aws/shared-config.js');
  const profile = await readProfileSettings({ profile: options.profile, env: io.env, service: 'cloudwatch' });
  const regions = { flag: options.region, project: project.region, env: io.env, profile };
  const today = options.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--date "${today}" is not a date`, { fix: 'write it as YYYY-MM-DD' });
  const account = options.account ? await fetchAccount(options, io, accountRegion(regions), project.region, project.prefix, profile.endpointUrl) : undefined;
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(io.cwd, value));
  // Paths in the report (and so in fingerprints) are relative to the project root, wherever cwdash runs from.
  const root = await projectRoot(io.cwd, projectFile);
  const { report, fixFiles } = await runCostReport({
    cwd: root,
    env: io.env,
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
    today,
    writeFixDir: path(options.writeFix),
    allowDropAll: options.allowDropAll,
    account,
    cacheDir: path(options.cacheDir),
    // Progress only on a terminal: in CI logs and pipes stderr keeps to warnings and errors.
    progress: io.stderr.isTTY === true ? (await import('../sources/account/progress.js')).createProgress(io) : undefined,
    usageSources: {
      grafana: options.grafana?.map((value) => resolve(io.cwd, value)) ?? project.grafana,
      grafanaDefaultRegion: options.grafanaDefaultRegion ?? project.grafanaDefaultRegion,
      cloudtrail: options.cloudtrail?.map((value) => resolve(io.cwd, value)) ?? project.cloudtrail,
      readWithinDays: readWithinDays(options.readWithin),
    },
  });
  const fallbackLocation = projectFile ? displayPath(root, projectFile) : (report.collectors[0]?.config ?? 'cwdash.config.ts');
  return { report, fixFiles, fallbackLocation };
}

function collectorsFrom(options: CostInputOptions, fromProject: readonly CollectorInput[] | undefined, io: Io): readonly CollectorInput[] {
  const configs = options.config ?? [];
  if (options.account && configs.length > 0) {
    throw new UsageError('--account reports on the metrics the account has; --config predicts them from a collector config', {
      fix: 'pass one of them (run cost-report twice to compare the prediction with the account)',
    });
  }
  if (configs.length === 0) {
    if (options.scrape?.length || options.clusterInventory?.length) {
      throw new UsageError('--scrape and --cluster-inventory go with a --config', { fix: 'pass the collector config they belong to with --config FILE' });
    }
    if (fromProject && fromProject.length > 0) return fromProject.map((collector) => withFlags(collector, options, io));
    // With --account the metrics come from the account itself: no collector configs are needed.
    if (options.account) return [];
    info(io, 'no --config and no collectors in cwdash.config.ts: reporting on the bundled examples (examples/task-service, examples/cluster)');
    return BUNDLED_COLLECTORS;
  }
  for (const [flag, values] of [['--scrape', options.scrape], ['--cluster-inventory', options.clusterInventory]] as const) {
    if ((values?.length ?? 0) > configs.length) {
      throw new UsageError(`more ${flag} files than --config files`, { fix: `give ${flag} once per --config, in the same order` });
    }
  }
  return configs.map((config, index) =>
    withFlags(
      {
        config: resolve(io.cwd, config),
        scrape: options.scrape?.[index] === undefined ? undefined : resolve(io.cwd, options.scrape[index]!),
        clusterInventory: options.clusterInventory?.[index] === undefined ? undefined : resolve(io.cwd, options.clusterInventory[index]!),
      },
      options,
      io,
    ),
  );
}

function withFlags(collector: CollectorInput, options: CostInputOptions, io: Io): CollectorInput {
  return {
    ...collector,
    envFile: options.envFile === undefined ? collector.envFile : resolve(io.cwd, options.envFile),
    collectorVersion: options.collectorVersion ?? collector.collectorVersion,
    replicas: options.replicas ?? collector.replicas,
  };
}

async function dashboardPaths(options: CostInputOptions, fromProject: string | undefined, cwd: string, bundled: boolean): Promise<string[]> {
  if (options.dashboards && options.dashboards.length > 0) return options.dashboards.map((path) => resolve(cwd, path));
  if (fromProject) return [fromProject];
  const local = resolve(cwd, 'dashboards');
  if (await fileExists(local)) return [local];
  return bundled ? [resolve(PACKAGE_ROOT, 'dashboards')] : [];
}

/**
 * The live account's metrics, dashboards, alarms and other readers (`--account`), with progress on stderr.
 * @param profileEndpoint the AWS profile's `endpoint_url`, used after --endpoint-url and AWS_ENDPOINT_URL*, as the AWS CLI does
 */
export async function fetchAccount(options: AwsOptions, io: Io, region: string, configRegion: string | undefined, prefix: string | undefined, profileEndpoint?: string) {
  const { createCloudWatchClient } = await import('../sources/aws/cloudwatch-client.js');
  const { fetchAccountInventory } = await import('../sources/account/inventory.js');
  const { createProgress } = await import('../sources/account/progress.js');
  const endpointUrl = options.endpointUrl ?? nonEmpty(io.env.AWS_ENDPOINT_URL_CLOUDWATCH) ?? nonEmpty(io.env.AWS_ENDPOINT_URL) ?? profileEndpoint;
  const client = createCloudWatchClient({ ...options, region, configRegion, endpointUrl, progress: createProgress(io) }, io);
  info(io, `reading custom metrics, dashboards and alarms from the account in ${region}`);
  return fetchAccountInventory(client, { dashboardPrefix: prefix });
}

export function renderReport(report: CostReport, format: ReportFormat, prepared: Pick<PreparedReport, 'fallbackLocation'>): Promise<string> {
  return renderers[format](report, prepared);
}

const renderers: Record<ReportFormat, (report: CostReport, prepared: Pick<PreparedReport, 'fallbackLocation'>) => Promise<string>> = {
  table: async (report) => (await import('../outputs/report-table.js')).renderReportTable(report),
  markdown: async (report) => (await import('../outputs/report-markdown.js')).renderReportMarkdown(report),
  json: async (report) => (await import('../outputs/report-json.js')).renderReportJson(report),
  html: async (report) => (await import('../outputs/report-html.js')).renderReportHtml(report),
  sarif: async (report, prepared) =>
    (await import('../outputs/report-sarif.js')).renderReportSarif(report, { toolVersion: packageJson.version, fallbackLocation: prepared.fallbackLocation }),
};

/** The report to --out or stdout, and the fixed configs (all or none; never over an existing file without --force). */
export async function writeOutputs(io: Io, options: Pick<CostInputOptions, 'out' | 'force'>, output: Promise<string>, fixFiles: readonly PendingFile[]): Promise<void> {
  const text = await output;
  // The report file and the fixes are one atomic set: every existence check passes before the first byte is written.
  const report = options.out ? [{ path: resolve(io.cwd, options.out), content: text }] : [];
  await writeFilesAtomically([...fixFiles, ...report], { overwrite: options.force });
  for (const file of fixFiles) info(io, `wrote the fixed collector config ${displayPath(io.cwd, file.path)}`);
  if (!options.out) io.stdout.write(text);
}

/** `--account`'s region by the one region rule (no collector): a usage error when nothing gives one. */
function accountRegion(candidates: RegionCandidates): string {
  const resolved = resolveRegion(candidates);
  if (resolved === undefined) throw new UsageError('no AWS region for --account', { fix: REGION_FIX });
  return resolved.region;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
