/**
 * The contract every command file fulfils: its flag table (src/cli/flags.ts), declared once, and a `run` function over
 * the options that table parses to. Its name and description live in commands/index.ts, which loads the file only
 * when the command line names it; the file imports its heavy modules lazily inside `run`.
 */
import type { Argv } from 'yargs';
import type { ExitCode } from '../shared/errors.js';
import type { Io } from '../shared/io.js';
import { kebab, parseOptions, yargsOption, type FlagTable, type OptionsOf } from './flags.js';
import { globalFlags } from './options.js';

export type CommandOptions<T extends FlagTable> = OptionsOf<T> & OptionsOf<typeof globalFlags>;

export interface CommandSpec<T extends FlagTable> {
  readonly examples?: readonly (readonly [command: string, description: string])[];
  readonly options: T;
  readonly run: (options: CommandOptions<T>, io: Io) => Promise<ExitCode>;
}

/** Receives the validated options and the function that runs the command on them (`parseCommandLine` only keeps them). */
export type CommandHandler = (options: unknown, run: () => Promise<ExitCode>) => Promise<void>;

/** A command as `--help` lists it, with the module that declares and runs it (loaded when named). */
export interface CommandEntry {
  /** yargs command string, e.g. `validate <files..>`; its positionals are entries of the command's options. */
  readonly command: string;
  readonly describe: string;
  readonly load: () => Promise<CommandModule>;
}

/** A command with its option type erased, so commands of different option types can sit in one list. */
export interface CommandModule {
  /** Declares `entry` with its options on `argv`; when argv selects it, `handle` gets the options and the runner. */
  register(argv: Argv, entry: CommandEntry, io: Io, handle: CommandHandler): Argv;
}

export function defineCommand<T extends FlagTable>(spec: CommandSpec<T>): CommandModule {
  const table = { ...globalFlags, ...spec.options };
  return {
    register(argv, entry, io, handle) {
      const name = entry.command.split(' ')[0]!;
      return argv.command(
        entry.command,
        entry.describe,
        (inner) => {
          let built: Argv = inner;
          for (const [key, flag] of Object.entries(spec.options)) {
            built = flag.help.positional ? built.positional(key, yargsOption(flag)) : built.option(kebab(key), yargsOption(flag));
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
