/** `cwdash pull NAME... | --all [--prefix P]`: dashboards from the account → TypeScript definitions. */
import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { appContext, withAwsOptions, type AwsOptions, type GlobalOptions } from '../options.js';
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
    const { pull } = await import('../../app/pull.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const { pulled, stopped } = await pull(options, appContext(io, options, { progress: createProgress(io) }));
    const shown = (path: string) => relative(io.cwd, path) || path;
    printValidationMessages(io, pulled.map((dashboard) => ({ file: shown(dashboard.file.path), name: dashboard.name, messages: dashboard.messages })));
    if (stopped) throw stopped;
    for (const dashboard of pulled) info(io, `wrote ${shown(dashboard.file.path)}`);
    return 0;
  },
});
