/**
 * The thread of stdout-thread.ts: writes the batches of each message to file descriptor 1 (made inert first when asked),
 * counts each message in the shared progress, and answers the end of the batches (`null`) with the escaping's state, or the
 * first write error (after which it writes nothing more).
 */
import { writeSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { inertText } from './inert-text.js';
import { FAILED, WRITTEN, type StdoutJob, type StdoutResult } from './stdout-thread.js';

const STDOUT = 1;
const { progress, inert } = workerData as StdoutJob;
const pause = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
let failure: StdoutResult | undefined;

parentPort?.on('message', (batches: string[] | null) => {
  if (batches === null) {
    parentPort!.postMessage(failure ?? { atLineStart: inert?.atLineStart ?? true });
    return;
  }
  if (failure) return;
  try {
    for (const batch of batches) writeAll(Buffer.from(inert ? inertText(batch, inert) : batch));
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    failure = { error: { code, message } };
    Atomics.store(progress, FAILED, 1);
  }
  Atomics.add(progress, WRITTEN, 1);
  Atomics.notify(progress, WRITTEN);
});

function writeAll(bytes: Buffer): void {
  for (let at = 0; at < bytes.length; ) {
    try {
      at += writeSync(STDOUT, bytes, at);
    } catch (error) {
      // A non-blocking pipe that is full: wait for the reader to take some, as a blocking write would.
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}
