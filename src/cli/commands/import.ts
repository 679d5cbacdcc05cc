/** `cwdash import BODY.json --name NAME`: an existing dashboard body → an idiomatic TypeScript definition. */
import { relative } from 'node:path';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import { appContext, type GlobalOptions } from '../options.js';
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
    const { importBody } = await import('../../app/import.js');
    const { printValidationMessages } = await import('../../outputs/validation-report.js');
    const result = await importBody(options, appContext(io, options));
    printValidationMessages(io, [{ file: result.file, name: undefined, messages: result.messages }]);
    const raw = result.rawWidgets;
    if (raw.length > 0) {
      const list = raw.map(({ index, type }) => `${index} (${type})`).join(', ');
      info(io, `note: widget${raw.length === 1 ? '' : 's'} ${list} kept as RawWidget JSON: no typed widget reproduces ${raw.length === 1 ? 'it' : 'them'} exactly`);
    }
    if (result.stopped) throw result.stopped;
    if (result.written === undefined) {
      io.stdout.write(result.source ?? '');
      return 0;
    }
    info(io, `wrote ${relative(io.cwd, result.written) || result.written}; \`cwdash build\` turns it back into the same body${result.errors > 0 ? ' (with the errors above)' : ''}`);
    return result.errors > 0 ? 1 : 0;
  },
});
