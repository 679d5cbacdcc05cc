/**
 * The terminal behind a small interface, so commands can be run in-process by tests and print nothing to the real
 * terminal. Data goes to stdout, everything for the human (progress, warnings, errors) to stderr.
 */
import type { Readable } from 'node:stream';

export interface OutputStream {
  write(text: string): void;
  readonly isTTY?: boolean;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly stdin: Readable;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The directory relative paths are resolved against. */
  readonly cwd: string;
}

export function processIo(): Io {
  // `cwdash metrics --format json | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  return {
    stdout: { write: (text) => void process.stdout.write(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text) => void process.stderr.write(text), isTTY: process.stderr.isTTY === true },
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Colour only on a TTY, and never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(io: Io, stream: OutputStream = io.stderr): boolean {
  return stream.isTTY === true && (io.env.NO_COLOR ?? '') === '';
}

/** A warning line on stderr, in the shared message style: `warning: <where>: <message>`. */
export function warn(io: Io, message: string): void {
  const label = colorEnabled(io) ? '\u001b[33mwarning\u001b[0m' : 'warning';
  io.stderr.write(`${label}: ${message}\n`);
}

/** A progress or information line on stderr. */
export function info(io: Io, message: string): void {
  io.stderr.write(`${message}\n`);
}
