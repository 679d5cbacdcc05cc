/**
 * What a use case may know about the world it runs in. `src/app/` never touches `process`: the CLI passes the working
 * directory, the environment, standard input, the clock and a progress sink in, and tests pass their own.
 */
import type { Readable } from 'node:stream';
import type { Progress } from '../sources/account/progress.js';

export interface AppContext {
  /** The directory relative paths resolve against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Read for `-` inputs (`--scrape -`, `--emf -`). */
  readonly stdin?: Readable;
  /** Where long AWS work reports itself and retries are noted; nothing is reported without it. */
  readonly progress?: Progress;
  /** Whether a person watches (stderr is a terminal): long local work then draws progress too. */
  readonly interactive?: boolean;
  /** Where warnings found during long work go, as they are found (the CLI prints them on stderr). */
  readonly warn?: (message: string) => void;
  /** The clock: today's date for allow-list expiries and generated comments. */
  readonly now?: () => Date;
  /** The global `--project-config` file, when given. */
  readonly projectConfig?: string | undefined;
}
