/** `cwdash build`: TypeScript definitions in `dashboards/` → one DashboardBody JSON file per dashboard, all or none. */
import { resolve } from 'node:path';
import { displayPath } from '../../shared/paths.js';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import type { GlobalOptions } from '../options.js';
import { info, warn } from '../../shared/io.js';

interface BuildCommandOptions extends GlobalOptions {
  readonly dashboards?: string | undefined;
  readonly out?: string | undefined;
  readonly force: boolean;
  readonly check: boolean;
  readonly clean: boolean;
  readonly typecheck: boolean;
}

export const DEFAULT_DASHBOARDS_DIR = 'dashboards';
export const DEFAULT_OUT_DIR = 'dist/dashboards';

export const buildCommand = defineCommand<BuildCommandOptions>({
  command: 'build',
  describe: 'compile the TypeScript dashboard definitions into DashboardBody JSON files, validated like PutDashboard',
  examples: [
    ['$0 build', 'dashboards/*.ts → dist/dashboards/<DashboardName>.json'],
    ['$0 build --dashboards ops/dashboards --out build/cw', 'other directories'],
    ['$0 build --check', 'compile and validate only (CI), write nothing'],
    ['$0 build --clean', 'also delete outputs of dashboards that were renamed or removed'],
    ['$0 build --typecheck', 'type-check the definitions (tsc, strict) before building'],
  ],
  builder: (argv) =>
    argv
      .option('dashboards', { type: 'string', describe: `definitions directory (default: project config dashboardsDir, else ${DEFAULT_DASHBOARDS_DIR}/)` })
      .option('out', { type: 'string', describe: `output directory (default: project config outDir, else ${DEFAULT_OUT_DIR}/)` })
      .option('force', { type: 'boolean', default: false, describe: 'replace files in the output directory that are not earlier build outputs' })
      .option('check', { type: 'boolean', default: false, describe: 'compile and validate, but write nothing' })
      .option('clean', { type: 'boolean', default: false, describe: 'delete earlier outputs that no definition builds any more' })
      .option('typecheck', { type: 'boolean', default: false, describe: 'run the TypeScript checker (strict) on the definitions first; its errors fail the build' }) as unknown as Argv<BuildCommandOptions>,
  async run(options, io) {
    const { loadProjectConfig } = await import('../../config/project-config.js');
    const { buildDashboards } = await import('../../sources/definitions/build.js');
    const { countMessages, printValidationMessages } = await import('../../outputs/validation-report.js');
    const { config } = await loadProjectConfig(io.cwd, options.projectConfig);
    const dashboardsDir = resolve(io.cwd, options.dashboards ?? config.dashboardsDir ?? DEFAULT_DASHBOARDS_DIR);
    const outDir = resolve(io.cwd, options.out ?? config.outDir ?? DEFAULT_OUT_DIR);
    const show = (path: string) => displayPath(io.cwd, path);
    if (options.typecheck) {
      const { findDefinitionFiles } = await import('../../sources/definitions/find.js');
      const { typecheckDefinitions } = await import('../../sources/definitions/typecheck.js');
      const { printTypeDiagnostics } = await import('../../outputs/validation-report.js');
      const diagnostics = await typecheckDefinitions(await findDefinitionFiles(dashboardsDir), io.cwd);
      if (diagnostics.length > 0) {
        printTypeDiagnostics(io, diagnostics);
        info(io, `${diagnostics.length} type error${diagnostics.length === 1 ? '' : 's'} in the definitions: nothing was written; fix them and build again`);
        return 1;
      }
    }

    const result = await buildDashboards({
      dashboardsDir,
      outDir,
      force: options.force,
      dryRun: options.check,
      clean: options.clean,
      defaultRegion: config.region,
    });
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
    if (result.dashboards.length === 0) info(io, `no definitions (*.ts) in ${show(dashboardsDir)}: nothing to build`);
    for (const path of result.written) info(io, `wrote ${show(path)}`);
    for (const path of result.cleaned) info(io, `deleted ${show(path)} (no definition builds it any more)`);
    for (const path of result.stale) {
      const edited = options.clean ? ', and was changed since build wrote it: delete it yourself' : '; delete it, or build with --clean';
      warn(io, `${show(path)} is not built from any definition any more${edited}`);
    }
    const suffix = warnings === 0 ? '' : ` (${warnings} warning${warnings === 1 ? '' : 's'})`;
    info(io, options.check ? `${count} valid${suffix}` : `built ${count} into ${show(outDir)}${suffix}`);
    return 0;
  },
});
