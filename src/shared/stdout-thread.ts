/**
 * A long output to the process's stdout, written by a second thread: this one renders batch after batch and hands
 * each over, the other makes it inert, encodes it and writes it to file descriptor 1, and waits for a slow reader in
 * this thread's place (`cwdash metrics --format json` renders 420 MB of a million-metric scrape). The bytes are those
 * of writing the batches here, in order. A short output never starts the thread: its start costs more than it saves.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { compiledWorker } from './compiled-worker.js';
import { inertText, type InertState } from './inert-text.js';


export interface StdoutJob {
  /** `[WRITTEN]`: messages written so far; `[FAILED]`: 1 once a write failed. */
  readonly progress: Int32Array;
  readonly inert: InertState | undefined;
}

export const WRITTEN = 0;
export const FAILED = 1;

/** The worker's answer to the end of the batches: where the escaping stands, or the first write error. */
export type StdoutResult = { readonly atLineStart: boolean } | { readonly error: { readonly code: string | undefined; readonly message: string } };

/** Batches (about 64 KB each) written here before the thread is worth starting. */
const BATCHES_BEFORE_THREAD = 16;
/** Batches a message hands over: fewer messages cost less than the copies they make. */
const BATCHES_PER_MESSAGE = 4;
/** Messages handed over and not written yet, at most: what a slow reader can make this thread hold. */
const MAX_PENDING_MESSAGES = 8;

/** `processIo`'s `OutputStream.writeBatches`. */
export async function writeStdoutBatches(batches: Iterable<string>, inert: InertState | undefined): Promise<void> {
  const iterator = batches[Symbol.iterator]();
  // Without the compiled worker (the TypeScript sources) every batch is written here.
  const script = compiledWorker('stdout-thread-worker.js', import.meta.url);
  const beforeThread = script ? BATCHES_BEFORE_THREAD : Infinity;
  for (let index = 0; index < beforeThread; index++) {
    const next = iterator.next();
    if (next.done) return;
    process.stdout.write(inert ? inertText(next.value, inert) : next.value);
    if (process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  }
  // What this thread wrote must be out before the other thread writes to the same descriptor.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  const progress = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  const worker = new Worker(script!, { workerData: { progress, inert } satisfies StdoutJob });
  const finished = new Promise<StdoutResult>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('the stdout thread stopped before the output was written')));
  });
  // Awaited below; a rejection while this thread is still handing batches over must not count as unhandled.
  finished.catch(() => undefined);
  try {
    let posted = 0;
    let message: string[] = [];
    for (let next = iterator.next(); Atomics.load(progress, FAILED) === 0; next = iterator.next()) {
      if (!next.done && message.push(next.value) < BATCHES_PER_MESSAGE) continue;
      if (message.length > 0) worker.postMessage(message);
      if (next.done) break;
      message = [];
      posted++;
      // Blocking here is right: this thread has nothing else to do until the reader catches up.
      for (let written = Atomics.load(progress, WRITTEN); posted - written > MAX_PENDING_MESSAGES && Atomics.load(progress, FAILED) === 0; written = Atomics.load(progress, WRITTEN)) {
        Atomics.wait(progress, WRITTEN, written, 100);
      }
    }
    worker.postMessage(null);
    const result = await finished;
    // processIo's handler decides, as for a write of this thread: a reader that closed the pipe ends the run quietly.
    if ('error' in result) process.stdout.emit('error', Object.assign(new Error(result.error.message), { code: result.error.code }));
    else if (inert) inert.atLineStart = result.atLineStart;
  } finally {
    await worker.terminate();
  }
}
