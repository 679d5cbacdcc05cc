/**
 * The contract every command file fulfils: a yargs builder that declares its options once, and a `run` function over
 * typed options. Command files import their heavy modules lazily inside `run`, so `cwdash --help` stays fast.
 */
import type { Argv } from 'yargs';
import type { ExitCode } from '../shared/errors.js';
import type { Io } from '../shared/io.js';

export interface CommandSpec<Options> {
  /** yargs command string, e.g. `validate <files..>`. */
  readonly command: string;
  readonly describe: string;
  readonly examples?: readonly (readonly [command: string, description: string])[];
  readonly builder: (argv: Argv) => Argv<Options>;
  readonly run: (options: Options, io: Io) => Promise<ExitCode>;
}

/** A command with its option type erased, so commands of different option types can sit in one list. */
export interface RegisteredCommand {
  readonly command: string;
  readonly describe: string;
  register(argv: Argv, io: Io, onExit: (code: ExitCode) => void): Argv;
}

export function defineCommand<Options>(spec: CommandSpec<Options>): RegisteredCommand {
  return {
    command: spec.command,
    describe: spec.describe,
    register(argv, io, onExit) {
      return argv.command(
        spec.command,
        spec.describe,
        (inner) => {
          const built = spec.builder(inner);
          for (const [command, description] of spec.examples ?? []) built.example(command, description);
          return built;
        },
        async (parsed) => {
          onExit(await spec.run(parsed as unknown as Options, io));
        },
      );
    },
  };
}
