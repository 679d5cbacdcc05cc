/**
 * Everything `publish` and `diff` do before they differ: load and validate every definition (nothing goes to
 * CloudWatch if any has an error), pick the dashboards asked for, check they lie under the prefix, read the account,
 * and compute the plan (the pure `planDeployment` of `src/deploy/`).
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { loadProjectConfig } from '../config/project-config.js';
import { planDeployment, type DeploymentPlan, type LocalDashboard, type RemoteState } from '../deploy/plan.js';
import { hasErrors } from '../model/body/messages.js';
import { renderDashboardBodyCompact } from '../model/body/serialize.js';
import type { ValidatedDashboard } from '../outputs/validation-report.js';
import { createCloudWatchClient } from '../sources/aws/cloudwatch-client.js';
import { getDashboard, listDashboardNames, type RemoteDashboard } from '../sources/account/dashboards.js';
import { formatCount, silentProgress, type Progress } from '../sources/account/progress.js';
import { loadDashboardDefinitions, type LoadedDashboard } from '../sources/definitions/load.js';
import type { AwsOptions } from '../sources/aws/options.js';
import { FindingsError, InputError, UsageError, type CwdashError } from '../shared/errors.js';
import { displayPath } from '../shared/paths.js';
import type { AppContext } from './context.js';
import { dashboardsDirOf } from './defaults.js';

export interface DeploymentOptions extends AwsOptions {
  readonly dashboards?: string | undefined;
  readonly only?: readonly string[] | undefined;
  readonly prefix?: string | undefined;
  readonly prune?: boolean | undefined;
}

/**
 * The definitions with their local validation messages (warnings too), for the caller to show; then either the plan,
 * or the error that stopped the run before anything was sent to CloudWatch.
 */
export type PreparedDeployment =
  | { readonly validation: readonly ValidatedDashboard[]; readonly stopped: CwdashError }
  | { readonly validation: readonly ValidatedDashboard[]; readonly stopped?: undefined; readonly plan: DeploymentPlan; readonly client: CloudWatchClient };

export async function prepareDeployment(options: DeploymentOptions, context: AppContext): Promise<PreparedDeployment> {
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  const prefix = options.prefix ?? config.prefix ?? '';
  if (options.prune && prefix === '') {
    throw new UsageError('--prune needs a dashboard name prefix, so that only dashboards cwdash owns can be deleted', {
      fix: 'pass --prefix (e.g. --prefix team-a-) or set prefix in cwdash.config.ts',
    });
  }
  if (options.prune && options.only !== undefined) {
    throw new UsageError('--prune cannot be combined with --only: every dashboard not named would look undefined', {
      fix: 'drop --only to prune, or drop --prune to publish a few dashboards',
    });
  }
  const show = (file: string) => displayPath(context.cwd, file);
  const dir = dashboardsDirOf(context.cwd, options.dashboards, config.dashboardsDir);
  // Widgets without a region get the project's, exactly as `cwdash build` renders them.
  const local = selectDashboards(await loadDashboardDefinitions(dir, { defaultRegion: config.region }), options.only);
  if (options.prune && local.length === 0) {
    throw new UsageError(`no dashboards are defined in ${show(dir)}; --prune would delete every dashboard under "${prefix}"`, {
      fix: 'check --dashboards (or dashboardsDir in cwdash.config.ts); to remove them all, delete them in the console or with `aws cloudwatch delete-dashboards`',
    });
  }
  const validation = local.map((dashboard) => ({ file: show(dashboard.sourceFile), name: dashboard.name, messages: dashboard.messages }));
  const stopped = invalid(local) ?? outsidePrefix(local, prefix, show);
  if (stopped) return { validation, stopped };

  const progress = context.progress ?? silentProgress;
  // The dashboards live where their widgets look: a region every definition sets beats the environment's default.
  const region = options.region ?? sharedRegion(local);
  const client = createCloudWatchClient({ ...options, region, configRegion: config.region, progress }, context);
  const toPublish: LocalDashboard[] = local.map((dashboard) => ({
    name: dashboard.name,
    bodyText: renderDashboardBodyCompact(dashboard.body),
    sourceFile: show(dashboard.sourceFile),
  }));
  const remote = await readRemoteState(client, toPublish, { prunePrefix: options.prune ? prefix : undefined, progress });
  return { validation, plan: planDeployment(toPublish, remote), client };
}

export interface ReadRemoteOptions {
  /** List the dashboards under this prefix too, to find the ones to delete. */
  readonly prunePrefix?: string | undefined;
  readonly progress?: Progress | undefined;
}

/** GetDashboard for every local name, and with a prune prefix, the names of every dashboard under it. */
export async function readRemoteState(client: CloudWatchClient, local: readonly LocalDashboard[], options: ReadRemoteOptions = {}): Promise<RemoteState> {
  const progress = options.progress ?? silentProgress;
  const task = progress.start('GetDashboard', local.length, 'dashboards');
  const dashboards = new Map<string, RemoteDashboard | undefined>();
  for (const dashboard of local) {
    dashboards.set(dashboard.name, await getDashboard(client, dashboard.name));
    task.advance(1);
  }
  task.done(`${formatCount(local.length)} dashboards read`);
  const prefix = options.prunePrefix;
  if (prefix === undefined) return { dashboards };
  // ListDashboards already filters by prefix; checking again means a misbehaving endpoint can never widen a delete.
  const listed = await listDashboardNames(client, prefix);
  return { dashboards, namesUnderPrefix: listed.filter((name) => name.startsWith(prefix)) };
}

/** The region every widget of every dashboard names, when they all name the same one (and at least one does). */
export function sharedRegion(dashboards: readonly Pick<LoadedDashboard, 'body'>[]): string | undefined {
  const regions = new Set<string>();
  for (const dashboard of dashboards) {
    for (const widget of dashboard.body.widgets) {
      const region = (widget.properties as { region?: unknown } | undefined)?.region;
      if (typeof region === 'string' && region !== '') regions.add(region);
    }
  }
  return regions.size === 1 ? [...regions][0] : undefined;
}

function selectDashboards(loaded: readonly LoadedDashboard[], only: readonly string[] | undefined): LoadedDashboard[] {
  if (only === undefined) return [...loaded];
  const known = new Set(loaded.map((dashboard) => dashboard.name));
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new UsageError(`--only names no defined dashboard: ${unknown.join(', ')}`, {
      fix: `choose from: ${[...known].sort().join(', ') || '(none defined)'}`,
    });
  }
  return loaded.filter((dashboard) => only.includes(dashboard.name));
}

/** Local validation first: CloudWatch is never asked to store a body cwdash already knows it would reject. */
function invalid(dashboards: readonly LoadedDashboard[]): CwdashError | undefined {
  const failed = dashboards.filter((dashboard) => hasErrors(dashboard.messages)).length;
  if (failed === 0) return undefined;
  return new FindingsError(`${failed} of ${dashboards.length} dashboards have validation errors; nothing was sent to CloudWatch`, {
    fix: 'fix the errors above (`cwdash validate` checks without AWS), then run again',
  });
}

function outsidePrefix(dashboards: readonly LoadedDashboard[], prefix: string, show: (file: string) => string): CwdashError | undefined {
  const outside = dashboards.find((dashboard) => !dashboard.name.startsWith(prefix));
  if (!outside) return undefined;
  return new InputError(`dashboard "${outside.name}" is outside the prefix "${prefix}" that cwdash manages`, {
    location: { file: show(outside.sourceFile) },
    fix: `rename it to start with "${prefix}", or change --prefix / prefix in cwdash.config.ts`,
  });
}
