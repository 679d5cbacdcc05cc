/** `cwdash validate FILE...`: check body JSON files and TypeScript definitions against CloudWatch's rules. */
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { flag, text } from '../flags.js';
import { appContext } from '../options.js';
import { info } from '../../shared/io.js';

export const validateOptions = {
  files: flag(z.array(text).min(1), { describe: '*.json bodies, *.ts definitions, or directories of them', positional: true }),
  format: flag(z.enum(['text', 'json']).default('text'), 'text on stderr, or a JSON report on stdout'),
  typecheck: flag(z.boolean().default(true), 'run the TypeScript checker on .ts definitions (--no-typecheck skips it)'),
};

export const validateCommand = defineCommand({
  examples: [
    ['$0 validate dist/dashboards', 'check every built body (a directory means its *.json and *.ts files)'],
    ['$0 validate downloaded.json dashboards/cluster.ts', 'a body from the console and a definition'],
    ['$0 validate --format json body.json | jq .dashboards[0].messages', 'messages as JSON'],
  ],
  options: validateOptions,
  async run(options, io) {
    const { validate } = await import('../../app/validate.js');
    const { printTypeDiagnostics, printValidationMessages, renderValidationJson } = await import('../../outputs/validation-report.js');
    const { files, typeErrors, errors, warnings } = await validate(options, appContext(io, options));
    printTypeDiagnostics(io, typeErrors);
    if (options.format === 'json') {
      io.stdout.write(renderValidationJson(files));
    } else {
      printValidationMessages(io, files);
      const summary = `${files.length} dashboard${files.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
      info(io, errors === 0 ? `${summary}: valid` : summary);
    }
    return errors === 0 ? 0 : 1;
  },
});
