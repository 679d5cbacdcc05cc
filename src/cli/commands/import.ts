/** `cwdash import BODY.json --name NAME`: an existing dashboard body → an idiomatic TypeScript definition. */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { displayPath } from '../../shared/paths.js';
import { flag, text } from '../flags.js';
import { appContext, forceFlag } from '../options.js';
import { info } from '../../shared/io.js';

export const importOptions = {
  body: flag(text, { describe: 'the body JSON file', positional: true }),
  name: flag(text.optional(), 'DashboardName (default: DashboardName of get-dashboard output)'),
  out: flag(text.optional(), 'file to write (default: <dashboards dir>/<name>.ts)'),
  print: flag(z.boolean().default(false), 'print the definition to stdout instead of writing a file'),
  force: forceFlag('replace the output file if it exists; write the definition even when the body has errors'),
};

export const importCommand = defineCommand({
  examples: [
    ['$0 import body.json --name payments', 'write dashboards/payments.ts'],
    ['aws cloudwatch get-dashboard --dashboard-name payments > p.json && $0 import p.json', 'the name comes from the response'],
    ['$0 import body.json --name payments --print', 'print the definition instead of writing it'],
  ],
  options: importOptions,
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
    const { file, roundTrip } = result.written;
    const claim = roundTrip === 'same'
      ? `\`cwdash build\` turns it back into the same body${result.errors > 0 ? ' (with the errors above)' : ''}`
      : `the round trip could not be checked here (${roundTrip.unchecked})`;
    info(io, `wrote ${displayPath(io.cwd, file)}; ${claim}`);
    return result.errors > 0 ? 1 : 0;
  },
});
