/**
 * A large Prometheus text scrape read by two threads: this one parses the first part of the lines while a worker
 * parses the rest, then the worker's series are appended as if one parser had read on (duplicates across the halves
 * dropped, first sample winning). The result is the one-pass result, series for series: the text format's lines are
 * parsed independently of each other, and wherever the two halves could disagree with one pass (an error in the
 * second half, the series limit) this returns undefined and the caller reads the page in one pass.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { compiledWorker } from '../../shared/compiled-worker.js';
import { Worker } from 'node:worker_threads';
import { parseExposition } from './read.js';
import type { RangeJob } from './scrape-range-worker.js';
import { ScrapeBuilder, type Scrape, type ScrapePart } from './scrape.js';

/** Below this a second thread costs more to start than it saves. */
export const TWO_THREAD_MIN_BYTES = 8 * 1024 * 1024;

/**
 * The part of the page this thread parses: more than half, because the worker starts later and its series still have
 * to be handed over and appended (on the 81 MB bench page both halves end together near 57%; at 50% this thread
 * waited about 150 ms).
 */
const THIS_THREAD_SHARE = 0.57;


export async function readInTwoThreads(file: string, size: number, source: string, maxSeries: number): Promise<Scrape | undefined> {
  // Without the compiled worker (the TypeScript sources) the page is read in one pass.
  const script = compiledWorker('scrape-range-worker.js', import.meta.url);
  if (script === undefined) return undefined;
  const split = await lineStartAfter(file, Math.floor(size * THIS_THREAD_SHARE), size);
  if (split === undefined) return undefined;
  const job: RangeJob = { file, start: split, end: size, source, maxSeries };
  const worker = new Worker(script, { workerData: job });
  const later = new Promise<ScrapePart | undefined>((resolve) => {
    worker.once('message', (message: { part?: ScrapePart }) => resolve(message.part));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  const builder = new ScrapeBuilder(source, 'text', maxSeries);
  try {
    // An error here is the page's first error, at the same line as in one pass.
    await parseExposition(createReadStream(file, { start: 0, end: split - 1, highWaterMark: 1 << 20 }), 'text', builder.visitor, source);
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  const part = await later;
  await worker.terminate();
  return part !== undefined && builder.absorb(part) ? builder.finish() : undefined;
}

/** The offset just after the first line feed at or after `from`, if a line starts there before the end. */
async function lineStartAfter(file: string, from: number, size: number): Promise<number | undefined> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    for (let at = from; at < size; at += buffer.length) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, at);
      const found = buffer.subarray(0, bytesRead).indexOf(10);
      if (found !== -1) return at + found + 1 < size ? at + found + 1 : undefined;
      if (bytesRead === 0) return undefined;
    }
    return undefined;
  } finally {
    await handle.close();
  }
}
