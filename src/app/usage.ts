/**
 * The `cwdash usage` use case: every given usage source read into one listing of read patterns with their evidence
 * and problems, plus what each source consulted. No pricing and no collector: this answers "what does this Grafana
 * folder read?" or "who called GetMetricData last month?".
 */
import { loadUsageInputs, type UsageInputOptions } from '../analysis/report/usage-inputs.js';
import { allowListConsulted, allowListReads, loadAllowList } from '../analysis/usage/allow-list.js';
import { usageListing, type UsageListing } from '../analysis/usage/usage-rows.js';
import type { ConsultedSource } from '../analysis/usage/usage-source.js';
import { displayPath } from '../shared/paths.js';
import { resolve } from 'node:path';
import { loadProjectConfig } from '../config/project-config.js';
import type { AwsOptions } from '../sources/aws/options.js';
import type { AppContext } from './context.js';
import { fetchAccount } from './account.js';
import { REGION_FIX, resolveRegion } from '../model/region.js';
import { UsageError } from '../shared/errors.js';

export interface UsageRunInput extends Omit<UsageInputOptions, 'allowNoUsage'> {
  readonly allowListFile?: string | undefined;
  /** YYYY-MM-DD: `--read-within` and allow-list expiries count from it. */
  readonly today: string;
}

export interface UsageRun {
  readonly listing: UsageListing;
  readonly consulted: readonly ConsultedSource[];
}

export async function listUsage(input: UsageRunInput): Promise<UsageRun> {
  const [inputs, allowList] = await Promise.all([
    // A listing may rest on any subset of sources, even none: nothing here is removed on its strength.
    loadUsageInputs({ ...input, allowNoUsage: true }),
    input.allowListFile === undefined ? undefined : loadAllowList(input.allowListFile, input.today),
  ]);
  const fromAllowList = allowList ? allowListReads({ ...allowList, file: displayPath(input.cwd, allowList.file) }).reads : [];
  const consulted: ConsultedSource[] = [
    ...inputs.consulted,
    allowListConsulted(allowList, allowList && displayPath(input.cwd, allowList.file)),
  ];
  return { listing: usageListing([...inputs.usage.reads, ...fromAllowList], inputs.usage.problems), consulted };
}

/** `cwdash usage` from its options: each source from its flag, else the project config. */
export interface UsageOptions extends AwsOptions {
  readonly dashboards?: readonly string[] | undefined;
  readonly alarms?: string | undefined;
  readonly allowList?: string | undefined;
  readonly grafana?: readonly string[] | undefined;
  readonly grafanaDefaultRegion?: string | undefined;
  readonly cloudtrail?: readonly string[] | undefined;
  readonly readWithinDays?: number | undefined;
  readonly account: boolean;
  readonly date?: string | undefined;
}

export async function usage(options: UsageOptions, context: AppContext): Promise<UsageRun> {
  const { config: project } = await loadProjectConfig(context.cwd, context.projectConfig);
  // A --date was checked to be YYYY-MM-DD by the command's option schema.
  const today = options.date ?? (context.now ?? (() => new Date()))().toISOString().slice(0, 10);
  const paths = (values: readonly string[] | undefined) => values?.map((value) => resolve(context.cwd, value));
  const path = (value: string | undefined) => (value === undefined ? undefined : resolve(context.cwd, value));
  // The one region rule of every command. Only --account and dashboards (whose widgets may name no region) need one:
  // Grafana targets and CloudTrail records carry their own.
  const { readProfileSettings } = await import('../sources/aws/shared-config.js');
  const profile = await readProfileSettings({ profile: options.profile, env: context.env, service: 'cloudwatch' });
  const resolved = resolveRegion({ flag: options.region, project: project.region, env: context.env, profile });
  const dashboards = paths(options.dashboards) ?? (project.dashboardsDir ? [project.dashboardsDir] : []);
  if (resolved === undefined && (options.account || dashboards.length > 0)) {
    throw new UsageError(`no AWS region for ${options.account ? '--account' : 'the dashboards\' widgets that name none'}`, { fix: REGION_FIX });
  }
  const region = resolved?.region ?? '';
  const account = options.account ? await fetchAccount(options, context, region, project.region, project.prefix, profile.endpointUrl) : undefined;
  return listUsage({
    cwd: context.cwd,
    dashboards,
    alarmsFile: path(options.alarms) ?? project.alarmsFile,
    allowListFile: path(options.allowList) ?? project.allowListFile,
    account,
    // Definitions without a region default to this one; the listing itself shows every region's reads.
    defaultRegion: region,
    grafana: paths(options.grafana) ?? project.grafana,
    grafanaDefaultRegion: options.grafanaDefaultRegion ?? project.grafanaDefaultRegion,
    cloudtrail: paths(options.cloudtrail) ?? project.cloudtrail,
    readWithinDays: options.readWithinDays,
    today,
  });
}

