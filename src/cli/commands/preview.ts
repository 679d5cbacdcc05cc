/** `cwdash preview`: an HTML page per dashboard that draws its grid (positions, sizes, titles, content), offline. */
import { resolve } from 'node:path';
import { displayPath } from '../../shared/paths.js';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import type { GlobalOptions } from '../options.js';
import { info } from '../../shared/io.js';
import { DEFAULT_DASHBOARDS_DIR } from './build.js';

interface PreviewCommandOptions extends GlobalOptions {
  readonly dashboards?: string | undefined;
  readonly out: string;
  readonly force: boolean;
}

export const DEFAULT_PREVIEW_DIR = 'dist/preview';

export const previewCommand = defineCommand<PreviewCommandOptions>({
  command: 'preview',
  describe: 'draw each dashboard as a static HTML page (grid, titles, metrics, Markdown, variables), without AWS access',
  examples: [
    ['$0 preview', `dashboards/*.ts → ${DEFAULT_PREVIEW_DIR}/<DashboardName>.html and index.html`],
    ['$0 preview --dashboards ops/dashboards --out review/', 'other directories, e.g. for a pull-request artifact'],
  ],
  builder: (argv) =>
    argv
      .option('dashboards', { type: 'string', describe: `definitions directory (default: project config dashboardsDir, else ${DEFAULT_DASHBOARDS_DIR}/)` })
      .option('out', { type: 'string', default: DEFAULT_PREVIEW_DIR, describe: 'directory for the HTML pages' })
      .option('force', { type: 'boolean', default: false, describe: 'replace files in --out that an earlier preview did not write' }) as unknown as Argv<PreviewCommandOptions>,
  async run(options, io) {
    const { loadProjectConfig } = await import('../../config/project-config.js');
    const { writePreviews } = await import('../../outputs/preview/write.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const { config } = await loadProjectConfig(io.cwd, options.projectConfig);
    const show = (path: string) => displayPath(io.cwd, path);
    const result = await writePreviews({
      dashboardsDir: resolve(io.cwd, options.dashboards ?? config.dashboardsDir ?? DEFAULT_DASHBOARDS_DIR),
      outDir: resolve(io.cwd, options.out),
      defaultRegion: config.region,
      force: options.force,
      showPath: show,
    });
    printValidationMessages(
      io,
      result.skipped.map((dashboard) => ({ file: show(dashboard.sourceFile), path: dashboard.sourceFile, name: dashboard.name, messages: dashboard.messages })),
    );
    for (const path of result.written) info(io, `wrote ${show(path)}`);
    if (result.skipped.length > 0) {
      info(io, `${result.skipped.length} dashboard${result.skipped.length === 1 ? '' : 's'} with validation errors not drawn (listed in the index)`);
      return 1;
    }
    return 0;
  },
});
