/**
 * Everything `publish` and `diff` do before they differ: load and validate every definition (nothing goes to
 * CloudWatch if any has an error), pick the dashboards asked for, check they lie under the prefix, read the account,
 * and compute the plan.
 */
import { resolve } from 'node:path';
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { loadProjectConfig } from '../config/project-config.js';
import { hasErrors } from '../model/body/messages.js';
import { renderDashboardBodyCompact } from '../model/body/serialize.js';
import { printValidationMessages } from '../outputs/validation-report.js';
import { createCloudWatchClient } from '../sources/aws/cloudwatch-client.js';
import { createProgress, type Progress } from '../sources/account/progress.js';
import { loadDashboardDefinitions, type LoadedDashboard } from '../sources/definitions/load.js';
import type { AwsOptions } from '../sources/aws/options.js';
import { FindingsError, InputError, UsageError } from '../shared/errors.js';
import type { Io } from '../shared/io.js';
import { displayPath } from '../shared/paths.js';
import { planDeployment, readRemoteState, type DeploymentPlan, type LocalDashboard } from './plan.js';

export interface DeploymentOptions extends AwsOptions {
  readonly projectConfig?: string | undefined;
  readonly dashboards?: string | undefined;
  readonly only?: readonly string[] | undefined;
  readonly prefix?: string | undefined;
  readonly prune?: boolean | undefined;
}

export interface PreparedDeployment {
  readonly plan: DeploymentPlan;
  readonly client: CloudWatchClient;
  readonly progress: Progress;
}

export const DEFAULT_DASHBOARDS_DIR = 'dashboards';

export async function prepareDeployment(options: DeploymentOptions, io: Io): Promise<PreparedDeployment> {
  const { config } = await loadProjectConfig(io.cwd, options.projectConfig);
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
  const dir = resolve(io.cwd, options.dashboards ?? config.dashboardsDir ?? DEFAULT_DASHBOARDS_DIR);
  // Widgets without a region get the project's, exactly as `cwdash build` renders them.
  const local = selectDashboards(await loadDashboardDefinitions(dir, { defaultRegion: config.region }), options.only);
  if (options.prune && local.length === 0) {
    throw new UsageError(`no dashboards are defined in ${displayPath(io.cwd, dir)}; --prune would delete every dashboard under "${prefix}"`, {
      fix: 'check --dashboards (or dashboardsDir in cwdash.config.ts); to remove them all, delete them in the console or with `aws cloudwatch delete-dashboards`',
    });
  }
  checkValid(local, io);
  checkPrefix(local, prefix, io);

  const progress = createProgress(io);
  const client = createCloudWatchClient({ ...options, configRegion: config.region, progress }, io);
  const toPublish: LocalDashboard[] = local.map((dashboard) => ({
    name: dashboard.name,
    bodyText: renderDashboardBodyCompact(dashboard.body),
    sourceFile: displayPath(io.cwd, dashboard.sourceFile),
  }));
  const remote = await readRemoteState(client, toPublish, { prunePrefix: options.prune ? prefix : undefined, progress });
  return { plan: planDeployment(toPublish, remote), client, progress };
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
function checkValid(dashboards: readonly LoadedDashboard[], io: Io): void {
  printValidationMessages(
    io,
    dashboards.map((dashboard) => ({ file: displayPath(io.cwd, dashboard.sourceFile), name: dashboard.name, messages: dashboard.messages })),
  );
  const failed = dashboards.filter((dashboard) => hasErrors(dashboard.messages)).length;
  if (failed > 0) {
    throw new FindingsError(`${failed} of ${dashboards.length} dashboards have validation errors; nothing was sent to CloudWatch`, {
      fix: 'fix the errors above (`cwdash validate` checks without AWS), then run again',
    });
  }
}

function checkPrefix(dashboards: readonly LoadedDashboard[], prefix: string, io: Io): void {
  const outside = dashboards.find((dashboard) => !dashboard.name.startsWith(prefix));
  if (outside) {
    throw new InputError(`dashboard "${outside.name}" is outside the prefix "${prefix}" that cwdash manages`, {
      location: { file: displayPath(io.cwd, outside.sourceFile) },
      fix: `rename it to start with "${prefix}", or change --prefix / prefix in cwdash.config.ts`,
    });
  }
}
