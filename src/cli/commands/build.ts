/** `cwdash build`: TypeScript definitions in `dashboards/` → one DashboardBody JSON file per dashboard, all or none. */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { displayPath } from '../../shared/paths.js';
import { flag, text } from '../flags.js';
import { appContext, dashboardsDirFlag, forceFlag } from '../options.js';
import { DEFAULT_OUT_DIR } from '../../app/defaults.js';
import { info, warn } from '../../shared/io.js';

export const buildOptions = {
  dashboards: dashboardsDirFlag('definitions directory'),
  out: flag(text.optional(), `output directory (default: outDir in cwdash.config.ts, else ${DEFAULT_OUT_DIR}/)`),
  force: forceFlag('replace files in the output directory that are not earlier build outputs'),
  check: flag(z.boolean().default(false), 'compile and validate, but write nothing'),
  clean: flag(z.boolean().default(false), 'delete earlier outputs that no definition builds any more'),
  typecheck: flag(z.boolean().default(false), 'run the TypeScript checker (strict) on the definitions first; its errors fail the build'),
};

export const buildCommand = defineCommand({
  examples: [
    ['$0 build', 'dashboards/*.ts → dist/dashboards/<DashboardName>.json'],
    ['$0 build --dashboards ops/dashboards --out build/cw', 'other directories'],
    ['$0 build --check', 'compile and validate only (CI), write nothing'],
    ['$0 build --clean', 'also delete outputs of dashboards that were renamed or removed'],
    ['$0 build --typecheck', 'type-check the definitions (tsc, strict) before building'],
  ],
  options: buildOptions,
  async run(options, io) {
    const { build } = await import('../../app/build.js');
    const { countMessages, printTypeDiagnostics, printValidationMessages } = await import('../../outputs/validation-report.js');
    const result = await build(options, appContext(io, options));
    if (result.kind === 'type-errors') {
      printTypeDiagnostics(io, result.typeErrors);
      const count = result.typeErrors.length;
      info(io, `${count} type error${count === 1 ? '' : 's'} in the definitions: nothing was written; fix them and build again`);
      return 1;
    }
    const show = (path: string) => displayPath(io.cwd, path);
    const validated = result.dashboards.map((dashboard) => ({
      file: show(dashboard.sourceFile),
      path: dashboard.sourceFile,
      name: dashboard.name,
      messages: dashboard.messages,
    }));
    printValidationMessages(io, validated);
    const { errors, warnings } = countMessages(validated);
    const count = `${result.dashboards.length} dashboard${result.dashboards.length === 1 ? '' : 's'}`;
    if (result.failed) {
      info(io, `${errors} error${errors === 1 ? '' : 's'} in ${count}: nothing was written; fix the errors above and build again`);
      return 1;
    }
    if (result.dashboards.length === 0) info(io, `no definitions (*.ts) in ${show(result.dashboardsDir)}: nothing to build`);
    for (const path of result.written) info(io, `wrote ${show(path)}`);
    for (const path of result.cleaned) info(io, `deleted ${show(path)} (no definition builds it any more)`);
    for (const path of result.stale) {
      const edited = options.clean ? ', and was changed since build wrote it: delete it yourself' : '; delete it, or build with --clean';
      warn(io, `${show(path)} is not built from any definition any more${edited}`);
    }
    for (const name of result.outsidePrefix) {
      warn(io, `dashboard "${name}" is outside the prefix "${result.prefix}" of cwdash.config.ts: publish will refuse it; rename it to start with "${result.prefix}", or change prefix`);
    }
    const suffix = warnings === 0 ? '' : ` (${warnings} warning${warnings === 1 ? '' : 's'})`;
    info(io, result.dryRun ? `${count} valid${suffix}` : `built ${count} into ${show(result.outDir)}${suffix}`);
    return 0;
  },
});
