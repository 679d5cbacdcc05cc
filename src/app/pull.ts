/**
 * `cwdash pull`: dashboards from the account → TypeScript definitions, through the same importer as `cwdash import`. Every
 * body is read and imported before anything is written, and the files land all together or not at all; an existing
 * file is only replaced when asked.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { loadProjectConfig } from '../config/project-config.js';
import type { ValidationMessage } from '../model/body/messages.js';
import { dashboardBodySchema } from '../model/body/schema.js';
import { validateDashboardBody, validateDashboardName } from '../model/body/validate.js';
import { renderTypeScriptDefinition } from '../outputs/typescript-definition.js';
import type { AwsOptions } from '../sources/aws/options.js';
import { createCloudWatchClient } from '../sources/aws/cloudwatch-client.js';
import { getDashboard, listDashboardNames } from '../sources/account/dashboards.js';
import { formatCount, silentProgress, type Progress } from '../sources/account/progress.js';
import { FindingsError, InputError, UsageError, type CwdashError } from '../shared/errors.js';
import { writeFilesAtomically, type PendingFile } from '../shared/files.js';
import { fileInFolder } from '../shared/safe-path.js';
import type { AppContext } from './context.js';
import { dashboardsDirOf } from './defaults.js';

export interface PullOptions extends AwsOptions {
  readonly names?: readonly string[] | undefined;
  readonly all: boolean;
  readonly prefix?: string | undefined;
  /** The directory to write to. */
  readonly dashboards?: string | undefined;
  readonly force: boolean;
}

export interface PullResult {
  readonly pulled: readonly PulledDashboard[];
  /** Set when writing failed (a file exists without `force`); then nothing was written. */
  readonly stopped?: CwdashError | undefined;
}

export async function pull(options: PullOptions, context: AppContext): Promise<PullResult> {
  const names = options.names ?? [];
  if (options.all === (names.length > 0)) {
    throw new UsageError(options.all ? 'name dashboards or pass --all, not both' : 'name the dashboards to pull, or pass --all', {
      fix: 'e.g. `cwdash pull payments-overview` or `cwdash pull --all --prefix team-a-`',
    });
  }
  if (!options.all && options.prefix !== undefined) {
    throw new UsageError('--prefix selects dashboards for --all; named dashboards are pulled by their full names', {
      fix: 'drop --prefix, or pass --all --prefix P',
    });
  }
  const { config } = await loadProjectConfig(context.cwd, context.projectConfig);
  const dir = dashboardsDirOf(context.cwd, options.dashboards, config.dashboardsDir);
  const progress = context.progress ?? silentProgress;
  const client = createCloudWatchClient({ ...options, configRegion: config.region, progress }, context);
  const selection = options.all ? { all: true as const, prefix: options.prefix ?? config.prefix ?? '' } : { names };
  const pulled = await pullDashboards(client, selection, dir, progress);
  try {
    await writeFilesAtomically(pulled.map((dashboard) => dashboard.file), { overwrite: options.force });
  } catch (error) {
    if (error instanceof InputError) return { pulled, stopped: error };
    throw error;
  }
  return { pulled };
}

export type PullSelection = { readonly names: readonly string[] } | { readonly all: true; readonly prefix: string };

export interface PulledDashboard {
  readonly name: string;
  /** Where the definition goes: `<dir>/<name>.ts`. */
  readonly file: PendingFile;
  /** What the local validator says about the body as CloudWatch holds it. */
  readonly messages: readonly ValidationMessage[];
}

export async function pullDashboards(
  client: CloudWatchClient,
  selection: PullSelection,
  dir: string,
  progress: Progress = silentProgress,
): Promise<PulledDashboard[]> {
  const names = 'all' in selection ? await listDashboardNames(client, selection.prefix) : [...new Set(selection.names)];
  if (names.length === 0 && 'all' in selection) {
    throw new InputError(`no dashboards in the account${selection.prefix ? ` start with "${selection.prefix}"` : ''}`, {
      fix: 'check --prefix, --region and --profile',
    });
  }
  // Names become file names: one CloudWatch would not accept (`../x`, `/etc/x`) is refused before anything is read.
  const unsafe = names.filter((name) => validateDashboardName(name).length > 0);
  if (unsafe.length > 0) {
    throw new InputError(`not a CloudWatch dashboard name: ${unsafe.map((name) => JSON.stringify(name)).join(', ')}; nothing was written`, {
      fix: 'dashboard names are 1-255 characters of A-Z a-z 0-9 - _ (and they become file names in --dashboards)',
    });
  }
  const task = progress.start('GetDashboard', names.length, 'dashboards');
  const missing: string[] = [];
  const unreadable: string[] = [];
  const pulled: PulledDashboard[] = [];
  for (const name of names) {
    const remote = await getDashboard(client, name);
    task.advance(1);
    if (remote === undefined) {
      missing.push(name);
      continue;
    }
    const messages = validateDashboardBody(remote.body);
    const parsed = dashboardBodySchema.safeParse(remote.body);
    if (!parsed.success) {
      const first = messages.find((message) => message.severity === 'error');
      unreadable.push(first ? `${name} (${first.dataPath || '(body)'}: ${first.message})` : name);
      continue;
    }
    pulled.push({ name, messages, file: { path: fileInFolder(dir, name, '.ts'), content: renderTypeScriptDefinition(parsed.data, name) } });
  }
  task.done(`${formatCount(pulled.length)} dashboards read`);
  if (missing.length > 0) {
    throw new InputError(`no such dashboard in the account: ${missing.join(', ')}; nothing was written`, {
      fix: 'check the names (`cwdash pull --all --prefix P` takes every dashboard under a prefix), --region and --profile',
    });
  }
  if (unreadable.length > 0) {
    throw new FindingsError(`not a dashboard body cwdash can import: ${unreadable.join(', ')}; nothing was written`, {
      fix: 'pull the others by name, or fix these dashboards in the console first',
    });
  }
  return pulled;
}
