/** `cwdash pull NAME... | --all [--prefix P]`: dashboards from the account → TypeScript definitions. */
import { resolve } from 'node:path';
import { displayPath } from '../../shared/paths.js';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { withAwsOptions, type AwsOptions, type GlobalOptions } from '../options.js';
import { UsageError } from '../../shared/errors.js';
import { info } from '../../shared/io.js';

interface PullOptions extends GlobalOptions, AwsOptions {
  readonly names?: readonly string[] | undefined;
  readonly all: boolean;
  readonly prefix?: string | undefined;
  readonly dashboards?: string | undefined;
  readonly force: boolean;
}

export const pullCommand = defineCommand<PullOptions>({
  command: 'pull [names..]',
  describe: 'read dashboards from CloudWatch and write them as TypeScript definitions',
  examples: [
    ['$0 pull payments-overview', 'write dashboards/payments-overview.ts'],
    ['$0 pull --all --prefix team-a-', 'every dashboard whose name starts with team-a-'],
    ['$0 pull payments-overview --force', 'replace the existing definition'],
  ],
  builder: (argv) =>
    withAwsOptions(argv)
      .positional('names', { type: 'string', array: true, describe: 'DashboardName(s) to pull' })
      .option('all', { type: 'boolean', default: false, describe: 'pull every dashboard (under --prefix)' })
      .option('prefix', { type: 'string', describe: 'with --all: only names starting with this (default: prefix in cwdash.config.ts)' })
      .option('dashboards', { type: 'string', describe: 'directory to write to (default: dashboardsDir in cwdash.config.ts, else ./dashboards)' })
      .option('force', { type: 'boolean', default: false, describe: 'replace definition files that already exist' }) as unknown as Argv<PullOptions>,
  async run(options, io) {
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
    const { loadProjectConfig } = await import('../../config/project-config.js');
    const { createCloudWatchClient } = await import('../../sources/aws/cloudwatch-client.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { pullDashboards } = await import('../../deploy/pull.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const { writeFilesAtomically } = await import('../../shared/files.js');

    const { config } = await loadProjectConfig(io.cwd, options.projectConfig);
    const dir = resolve(io.cwd, options.dashboards ?? config.dashboardsDir ?? 'dashboards');
    const progress = createProgress(io);
    const client = createCloudWatchClient({ ...options, configRegion: config.region, progress }, io);
    const selection = options.all ? { all: true as const, prefix: options.prefix ?? config.prefix ?? '' } : { names };
    const pulled = await pullDashboards(client, selection, dir, progress);
    const shown = (path: string) => displayPath(io.cwd, path);
    printValidationMessages(io, pulled.map((dashboard) => ({ file: shown(dashboard.file.path), name: dashboard.name, messages: dashboard.messages })));
    await writeFilesAtomically(pulled.map((dashboard) => dashboard.file), { overwrite: options.force });
    for (const dashboard of pulled) info(io, `wrote ${shown(dashboard.file.path)}`);
    return 0;
  },
});
