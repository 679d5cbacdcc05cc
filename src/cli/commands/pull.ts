/** `cwdash pull NAME... | --all [--prefix P]`: dashboards from the account → TypeScript definitions. */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { displayPath } from '../../shared/paths.js';
import { flag, text } from '../flags.js';
import { appContext, awsFlags, dashboardsDirFlag, forceFlag } from '../options.js';
import { info } from '../../shared/io.js';

export const pullOptions = {
  ...awsFlags,
  names: flag(z.array(text).optional(), { describe: 'DashboardName(s) to pull', positional: true }),
  all: flag(z.boolean().default(false), 'pull every dashboard (under --prefix)'),
  prefix: flag(z.string().optional(), 'with --all: only names starting with this (default: prefix in cwdash.config.ts)'),
  dashboards: dashboardsDirFlag('directory to write to'),
  force: forceFlag('replace definition files that already exist'),
};

export const pullCommand = defineCommand({
  examples: [
    ['$0 pull payments-overview', 'write dashboards/payments-overview.ts'],
    ['$0 pull --all --prefix team-a-', 'every dashboard whose name starts with team-a-'],
    ['$0 pull payments-overview --force', 'replace the existing definition'],
  ],
  options: pullOptions,
  async run(options, io) {
    const { pull } = await import('../../app/pull.js');
    const { createProgress } = await import('../../sources/account/progress.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const { pulled, stopped } = await pull(options, appContext(io, options, { progress: createProgress(io) }));
    const shown = (path: string) => displayPath(io.cwd, path);
    printValidationMessages(io, pulled.map((dashboard) => ({ file: shown(dashboard.file.path), name: dashboard.name, messages: dashboard.messages })));
    if (stopped) throw stopped;
    for (const dashboard of pulled) info(io, `wrote ${shown(dashboard.file.path)}`);
    return 0;
  },
});
