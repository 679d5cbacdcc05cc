/** `cwdash import BODY.json --name NAME`: an existing dashboard body → an idiomatic TypeScript definition. */
import { resolve } from 'node:path';
import { displayPath } from '../../shared/paths.js';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import type { GlobalOptions } from '../options.js';
import { FindingsError, UsageError } from '../../shared/errors.js';
import { info } from '../../shared/io.js';

interface ImportCommandOptions extends GlobalOptions {
  readonly body: string;
  readonly name?: string | undefined;
  readonly out?: string | undefined;
  readonly force: boolean;
  readonly print: boolean;
}

export const importCommand = defineCommand<ImportCommandOptions>({
  command: 'import <body>',
  describe: 'turn a dashboard body (console source view, or `aws cloudwatch get-dashboard` output) into a TypeScript definition',
  examples: [
    ['$0 import body.json --name payments', 'write dashboards/payments.ts'],
    ['aws cloudwatch get-dashboard --dashboard-name payments > p.json && $0 import p.json', 'the name comes from the response'],
    ['$0 import body.json --name payments --print', 'print the definition instead of writing it'],
  ],
  builder: (argv) =>
    argv
      .positional('body', { type: 'string', demandOption: true, describe: 'the body JSON file' })
      .option('name', { type: 'string', describe: 'DashboardName (default: DashboardName of get-dashboard output)' })
      .option('out', { type: 'string', describe: 'file to write (default: <dashboards dir>/<name>.ts)' })
      .option('print', { type: 'boolean', default: false, describe: 'print the definition to stdout instead of writing a file' })
      .option('force', { type: 'boolean', default: false, describe: 'replace the output file if it exists; write the definition even when the body has errors' }) as unknown as Argv<ImportCommandOptions>,
  async run(options, io) {
    const { loadProjectConfig } = await import('../../config/project-config.js');
    const { readDashboardBodyFile } = await import('../../sources/definitions/body-file.js');
    const { dashboardBodySchema } = await import('../../model/body/schema.js');
    const { validateDashboardBody, validateDashboardName } = await import('../../model/body/validate.js');
    const { importDashboard } = await import('../../outputs/typescript-definition.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const { writeFileAtomic } = await import('../../shared/files.js');
    const { fileInFolder } = await import('../../shared/safe-path.js');

    const { config } = await loadProjectConfig(io.cwd, options.projectConfig);
    const file = resolve(io.cwd, options.body);
    const { body, dashboardName } = await readDashboardBodyFile(file, options.body);
    const name = options.name ?? dashboardName;
    if (name === undefined) throw new UsageError('name the dashboard', { fix: 'pass --name NAME (the DashboardName; also the file name)' });
    const nameProblem = validateDashboardName(name)[0];
    if (nameProblem) throw new UsageError(nameProblem.message, { fix: 'pass a --name of letters, digits, - and _' });

    const shown = displayPath(io.cwd, file);
    const messages = validateDashboardBody(body);
    printValidationMessages(io, [{ file: shown, name: undefined, messages }]);
    const parsed = dashboardBodySchema.safeParse(body);
    if (!parsed.success) {
      throw new FindingsError('the body does not have the shape of a dashboard body, so it cannot be imported', {
        location: { file: shown },
        fix: 'fix the errors above (or download the body again with `aws cloudwatch get-dashboard`)',
      });
    }
    const { source, rawWidgets, dashboard } = importDashboard(parsed.data, name);
    if (rawWidgets.length > 0) {
      const list = rawWidgets.map((index) => `${index} (${parsed.data.widgets[index]!.type})`).join(', ');
      info(io, `note: widget${rawWidgets.length === 1 ? '' : 's'} ${list} kept as RawWidget JSON: no typed widget reproduces ${rawWidgets.length === 1 ? 'it' : 'them'} exactly`);
    }
    if (options.print) {
      io.stdout.write(source);
      return 0;
    }
    // A body CloudWatch would reject imports into a definition `build` rejects too: write it only when asked to.
    const errors = messages.filter((message) => message.severity === 'error').length;
    if (errors > 0 && !options.force) {
      throw new FindingsError(`the body has ${errors} error${errors === 1 ? '' : 's'} (above): nothing was written`, {
        location: { file: shown },
        fix: 'fix the body and import it again, or pass --force to write the definition anyway and fix it there',
      });
    }
    const out = options.out === undefined ? fileInFolder(resolve(io.cwd, config.dashboardsDir ?? 'dashboards'), name, '.ts') : resolve(io.cwd, options.out);
    // The promise below is checked on the code as written: loaded like a definition, built, compared.
    const { checkDefinitionSource } = await import('../../sources/definitions/round-trip.js');
    const { compile } = await import('../../sources/definitions/load.js');
    const region = { defaultRegion: config.region };
    const roundTrip = await checkDefinitionSource(source, out, compile(dashboard, out, region).body, region);
    if (roundTrip.kind === 'different') {
      throw new FindingsError(`the generated definition builds a different body (first difference at ${roundTrip.path}): nothing was written`, {
        location: { file: shown },
        fix: 'this is a bug in cwdash import; please report it with the body (use --print to see the generated code)',
      });
    }
    await writeFileAtomic(out, source, { overwrite: options.force });
    const claim = roundTrip.kind === 'same'
      ? `\`cwdash build\` turns it back into the same body${errors > 0 ? ' (with the errors above)' : ''}`
      : `the round trip could not be checked here (${roundTrip.reason})`;
    info(io, `wrote ${displayPath(io.cwd, out)}; ${claim}`);
    return errors > 0 ? 1 : 0;
  },
});
