/** `cwdash preview`: an HTML page per dashboard that draws its grid (positions, sizes, titles, content), offline. */
import { defineCommand } from '../command.js';
import { displayPath } from '../../shared/paths.js';
import { flag, text } from '../flags.js';
import { appContext, dashboardsDirFlag, forceFlag } from '../options.js';
import { info } from '../../shared/io.js';
import { DEFAULT_PREVIEW_DIR } from '../../app/defaults.js';

export const previewOptions = {
  dashboards: dashboardsDirFlag('definitions directory'),
  out: flag(text.default(DEFAULT_PREVIEW_DIR), 'directory for the HTML pages'),
  force: forceFlag('replace files in --out that an earlier preview did not write'),
};

export const previewCommand = defineCommand({
  examples: [
    ['$0 preview', `dashboards/*.ts → ${DEFAULT_PREVIEW_DIR}/<DashboardName>.html and index.html`],
    ['$0 preview --dashboards ops/dashboards --out review/', 'other directories, e.g. for a pull-request artifact'],
  ],
  options: previewOptions,
  async run(options, io) {
    const { preview } = await import('../../app/preview.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const result = await preview(options, appContext(io, options));
    const show = (path: string) => displayPath(io.cwd, path);
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
