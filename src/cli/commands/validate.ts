/** `cwdash validate FILE...`: check body JSON files and TypeScript definitions against CloudWatch's rules. */
import { resolve } from 'node:path';
import type { Argv } from 'yargs';
import { defineCommand } from '../command.js';
import type { GlobalOptions } from '../options.js';
import { info } from '../../shared/io.js';

interface ValidateCommandOptions extends GlobalOptions {
  readonly files: readonly string[];
  readonly format: 'text' | 'json';
  readonly typecheck: boolean;
}

export const validateCommand = defineCommand<ValidateCommandOptions>({
  command: 'validate <files..>',
  describe: 'validate dashboard bodies (JSON, as built or from get-dashboard) and definitions (TypeScript); exit 1 on errors',
  examples: [
    ['$0 validate dist/dashboards', 'check every built body (a directory means its *.json and *.ts files)'],
    ['$0 validate downloaded.json dashboards/cluster.ts', 'a body from the console and a definition'],
    ['$0 validate --format json body.json | jq .dashboards[0].messages', 'messages as JSON'],
  ],
  builder: (argv) =>
    argv
      .positional('files', { type: 'string', array: true, demandOption: true, describe: '*.json bodies, *.ts definitions, or directories of them' })
      .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'text on stderr, or a JSON report on stdout' })
      .option('typecheck', { type: 'boolean', default: true, describe: 'run the TypeScript checker on .ts definitions (--no-typecheck skips it)' }) as unknown as Argv<ValidateCommandOptions>,
  async run(options, io) {
    const { loadProjectConfig } = await import('../../config/project-config.js');
    const { expandDirectories, validateFiles } = await import('../../sources/definitions/validate-files.js');
    const { countMessages, printTypeDiagnostics, printValidationMessages, renderValidationJson } = await import('../../outputs/validation-report.js');
    const { config } = await loadProjectConfig(io.cwd, options.projectConfig);
    const files = options.files.map((file) => ({ path: resolve(io.cwd, file), shownAs: file }));
    const results = await validateFiles(files, { defaultRegion: config.region });
    const definitions = (await expandDirectories(files)).map((file) => file.path).filter((path) => path.endsWith('.ts'));
    const { typecheckDefinitions } = await import('../../sources/definitions/typecheck.js');
    const typeErrors = options.typecheck ? await typecheckDefinitions(definitions, io.cwd) : [];
    printTypeDiagnostics(io, typeErrors);
    const counted = countMessages(results);
    const errors = counted.errors + typeErrors.length;
    const { warnings } = counted;
    if (options.format === 'json') {
      io.stdout.write(renderValidationJson(results));
    } else {
      printValidationMessages(io, results);
      const summary = `${results.length} dashboard${results.length === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
      info(io, errors === 0 ? `${summary}: valid` : summary);
    }
    return errors === 0 ? 0 : 1;
  },
});
