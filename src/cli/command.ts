/**
 * The contract every command file fulfils: its flag table (src/cli/flags.ts), declared once, and a `run` function over
 * the options that table parses to. Command files import their heavy modules lazily inside `run`, so `cwdash --help`
 * stays fast.
 */
import type { Argv } from 'yargs';
import type { ExitCode } from '../shared/errors.js';
import type { Io } from '../shared/io.js';
import { kebab, parseOptions, yargsOption, type FlagTable, type OptionsOf } from './flags.js';
import { globalFlags } from './options.js';

export type CommandOptions<T extends FlagTable> = OptionsOf<T> & OptionsOf<typeof globalFlags>;

export interface CommandSpec<T extends FlagTable> {
  /** yargs command string, e.g. `validate <files..>`; its positionals are entries of `options` too. */
  readonly command: string;
  readonly describe: string;
  readonly examples?: readonly (readonly [command: string, description: string])[];
  readonly options: T;
  readonly run: (options: CommandOptions<T>, io: Io) => Promise<ExitCode>;
}

/** A command with its option type erased, so commands of different option types can sit in one list. */
export interface RegisteredCommand {
  readonly command: string;
  readonly describe: string;
  /**
   * Declares the command on `argv`. When argv selects it, `handle` receives the validated options and the function
   * that runs the command on them (the CLI runs it; `parseCommandLine` only keeps the options).
   */
  register(argv: Argv, io: Io, handle: CommandHandler): Argv;
}

export type CommandHandler = (options: unknown, run: () => Promise<ExitCode>) => Promise<void>;

export function defineCommand<T extends FlagTable>(spec: CommandSpec<T>): RegisteredCommand {
  const name = spec.command.split(' ')[0]!;
  const table = { ...globalFlags, ...spec.options };
  return {
    command: spec.command,
    describe: spec.describe,
    register(argv, io, handle) {
      return argv.command(
        spec.command,
        spec.describe,
        (inner) => {
          let built: Argv = inner;
          for (const [key, entry] of Object.entries(spec.options)) {
            built = entry.help.positional ? built.positional(key, yargsOption(entry)) : built.option(kebab(key), yargsOption(entry));
          }
          for (const [command, description] of spec.examples ?? []) built = built.example(command, description);
          return built;
        },
        async (parsed) => {
          const options = parseOptions(table, parsed, name) as CommandOptions<T>;
          await handle(options, () => spec.run(options, io));
        },
      );
    },
  };
}
