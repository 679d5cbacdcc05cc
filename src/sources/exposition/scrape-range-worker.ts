/**
 * The worker thread of a two-thread scrape read (two-thread-read.ts): parses the page's later lines, from a line
 * start to the end of the file, and hands its series back as one `ScrapePart`. Any failure is reported as such, with
 * no detail: the caller then reads the whole page in one pass, which gives the error at its exact line.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseExposition } from './read.js';
import { ScrapeBuilder } from './scrape.js';

export interface RangeJob {
  readonly file: string;
  /** Byte offsets: `start` is a line start, `end` the file size. */
  readonly start: number;
  readonly end: number;
  readonly source: string;
  readonly maxSeries: number;
}

const job = workerData as RangeJob;
try {
  const builder = new ScrapeBuilder(job.source, 'text', job.maxSeries);
  await parseExposition(createReadStream(job.file, { start: job.start, end: job.end - 1, highWaterMark: 1 << 20 }), 'text', builder.visitor, job.source);
  const part = builder.exportPart();
  parentPort!.postMessage({ part }, [part.ends.buffer as ArrayBuffer, part.nameIds.buffer as ArrayBuffer, part.values.buffer as ArrayBuffer]);
} catch {
  parentPort!.postMessage({ part: undefined });
}
