/**
 * The only place that maps errors to output and exit codes. `main(argv, io)` runs the whole CLI in-process, which is
 * how the tests drive it; `runFromProcess` binds it to the real process.
 */
import yargs, { type Argv } from 'yargs';
import { CwdashError, UsageError, type ExitCode } from '../shared/errors.js';
import { processIo, type Io } from '../shared/io.js';
import { commands } from './commands/index.js';
import { CWDASH_VERSION } from './version.js';


export async function main(argv: readonly string[], io: Io): Promise<ExitCode> {
  let exitCode: ExitCode = 0;
  const debug = argv.includes('--debug');
  let parser: Argv = yargs([...argv])
    .scriptName('cwdash')
    .usage('$0 <command> [options]\n\nCloudWatch dashboards as code, and a cost linter for OpenTelemetry custom metrics.')
    .option('debug', { type: 'boolean', describe: 'print stack traces for unexpected errors' })
    .option('project-config', { type: 'string', describe: 'project settings file (default: ./cwdash.config.ts when present)' })
    .strict()
    .demandCommand(1, 'name a command; `cwdash --help` lists them')
    .recommendCommands()
    .version(CWDASH_VERSION)
    .help()
    .alias('help', 'h')
    .wrap(Math.min(120, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message, { fix: 'run the command with --help to see its options' });
    });
  for (const command of commands) parser = command.register(parser, io, (code) => (exitCode = code));

  try {
    let printed = '';
    await parser.parseAsync([...argv], {}, (_error, _parsed, output) => {
      printed = output;
    });
    if (printed) io.stdout.write(printed.endsWith('\n') ? printed : `${printed}\n`);
    return exitCode;
  } catch (error) {
    return reportError(error, io, debug);
  }
}

function reportError(error: unknown, io: Io, debug: boolean): ExitCode {
  if (error instanceof CwdashError) {
    io.stderr.write(`error: ${error.describe()}\n`);
    if (debug && error.stack) io.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  // Anything else is a bug in cwdash, not the user's mistake.
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`internal error: ${message}\n  this is a bug in cwdash; please report it with the command you ran`);
  io.stderr.write(debug && error instanceof Error && error.stack ? `\n${error.stack}\n` : ' (add --debug for the stack trace)\n');
  return 2;
}

export async function runFromProcess(): Promise<void> {
  process.exitCode = await main(process.argv.slice(2), processIo());
}
