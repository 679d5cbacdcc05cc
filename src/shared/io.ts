/**
 * The terminal behind a small interface, so commands can be run in-process by tests and print nothing to the real
 * terminal. Data goes to stdout, everything for the human (progress, warnings, errors) to stderr.
 */
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import { inertText, type InertState } from './inert-text.js';

export interface OutputStream {
  write(text: string): void;
  readonly isTTY?: boolean;
  /** Resolves once what was written has been handed on, so a long output is written at the reader's pace. */
  drained?(): Promise<void>;
  /**
   * Writes the batches of a long output, the encoding and the writes done on another thread while this one renders
   * the next batches; with `inert`, that thread also makes them inert (`inertText`) and leaves `inert` as the last
   * batch left it.
   */
  writeBatches?(batches: Iterable<string>, inert?: InertState): Promise<void>;
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
    stdout: {
      write: (text) => void process.stdout.write(text),
      isTTY: process.stdout.isTTY === true,
      drained: () => (process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : Promise.resolve()),
      writeBatches: async (batches, inert) => (await import('./stdout-thread.js')).writeStdoutBatches(batches, inert),
    },
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

/**
 * The stream as every command writes to it: text from inputs (config keys, label values, remote JSON paths) cannot
 * drive the terminal or the CI runner. Control characters are shown escaped (`\u001b`), except line feeds and tabs,
 * and on a terminal cwdash's own colour (SGR) and line-redraw sequences; a line starting with `::` (a GitHub Actions
 * workflow command, such as `::error` or `::add-mask`) gets a zero-width space before it, so the runner shows it
 * instead of running it.
 */
export function inertStream(stream: OutputStream): OutputStream {
  const state: InertState = { tty: stream.isTTY === true, atLineStart: true };
  return {
    isTTY: stream.isTTY,
    ...(stream.drained ? { drained: () => stream.drained!() } : {}),
    ...(stream.writeBatches ? { writeBatches: (batches) => stream.writeBatches!(batches, state) } : {}),
    write(text) {
      if (text === '') return;
      stream.write(inertText(text, state));
    },
  };
}
