/** Runs the real CLI in-process with captured streams: what a user would see, without spawning a process. */
import { Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/shared/io.js';

export interface CliResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly cwd?: string;
  readonly env?: Record<string, string | undefined>;
  readonly stdin?: string;
}

export async function runCli(argv: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: Io = {
    stdout: { write: (text) => void (stdout += text), isTTY: false },
    stderr: { write: (text) => void (stderr += text), isTTY: false },
    stdin: Readable.from(options.stdin === undefined ? [] : [options.stdin]),
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  const exitCode = await main(argv, io);
  return { exitCode, stdout, stderr };
}
