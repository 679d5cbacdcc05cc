/**
 * The only place that maps errors to output and exit codes. `main(argv, io)` runs the whole CLI in-process, which is
 * how the tests drive it; `runFromProcess` binds it to the real process.
 */
import type { Argv } from 'yargs';
import { CwdashError, UsageError, type ExitCode } from '../shared/errors.js';
import { inertStream, processIo, type Io } from '../shared/io.js';
import type { CommandHandler } from './command.js';
import { GLOBAL_FLAG_HELP } from './global-flags.js';
import { CWDASH_VERSION } from './version.js';

export async function main(argv: readonly string[], rawIo: Io): Promise<ExitCode> {
  // Names, labels and paths from inputs reach the terminal: no control sequence of theirs may act on it.
  const io: Io = { ...rawIo, stdout: inertStream(rawIo.stdout), stderr: inertStream(rawIo.stderr) };
  // Fast start: `--version` needs no parser; the parser loads only when a command line needs it, and of the commands
  // only the one named (each imports its own heavy modules when it runs).
  if (argv.length === 1 && argv[0] === '--version') {
    io.stdout.write(`${CWDASH_VERSION}\n`);
    return 0;
  }
  let exitCode: ExitCode = 0;
  try {
    const printed = await parse(argv, io, async (_options, run) => {
      exitCode = await run();
    });
    if (printed) io.stdout.write(printed.endsWith('\n') ? printed : `${printed}\n`);
    return exitCode;
  } catch (error) {
    return reportError(error, io, argv.includes('--debug'));
  }
}

/** argv → the selected command's validated options (defaults applied), without running it: what tests check. */
export async function parseCommandLine(argv: readonly string[], io: Io): Promise<unknown> {
  let selected: unknown;
  await parse(argv, io, async (options) => {
    selected = options;
  });
  return selected;
}

/** Runs yargs over argv with every command registered; returns what yargs printed itself (help, version). */
async function parse(argv: readonly string[], io: Io, handle: CommandHandler): Promise<string> {
  const [{ default: yargs }, { commands, selectedCommand }] = await Promise.all([import('yargs'), import('./commands/index.js')]);
  const selected = selectedCommand(argv);
  const module = await selected?.load();
  let parser: Argv = yargs([...argv])
    .scriptName('cwdash')
    .usage('$0 <command> [options]\n\nCloudWatch dashboards as code, and a cost linter for OpenTelemetry custom metrics.')
    .option('debug', { type: 'boolean', describe: GLOBAL_FLAG_HELP.debug })
    .option('project-config', { type: 'string', describe: GLOBAL_FLAG_HELP.projectConfig })
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
  for (const entry of commands) {
    // The others are listed (for --help and "did you mean"), not declared: their options load only when named.
    parser = entry === selected && module ? module.register(parser, entry, io, handle) : parser.command(entry.command, entry.describe);
  }
  let printed = '';
  await parser.parseAsync([...argv], {}, (_error, _parsed, output) => {
    printed = output;
  });
  return printed;
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
