/**
 * Reading a scrape from a file or stdin: the format from the file name unless given, and a large text file read by
 * two threads (two-thread-read.ts) with the same result as one pass.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { readError } from '../../shared/files.js';
import { DEFAULT_MAX_SERIES } from '../../shared/input-limits.js';
import type { ExpositionFormat } from './read.js';
import { parseScrape, type Scrape, type ScrapeLimits } from './scrape.js';
import { readInTwoThreads, TWO_THREAD_MIN_BYTES } from './two-thread-read.js';

/** `.om`/`.openmetrics` files are OpenMetrics; everything else is text 0.0.4, as Prometheus defaults to. */
export function formatForFile(file: string): ExpositionFormat {
  return /\.(om|openmetrics)$/i.test(file) ? 'openmetrics' : 'text';
}

/** Reads a scrape file, or stdin when `file` is `-`; `displayName` is the name messages use (default `file`). */
export async function readScrapeFile(file: string, stdin: Readable, format?: ExpositionFormat, displayName = file, limits: ScrapeLimits = {}): Promise<Scrape> {
  if (file === '-') return parseScrape(stdin, format ?? 'text', '<stdin>', limits);
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    size = info.size;
  } catch (error) {
    throw readError(displayName, 'scrape file', error);
  }
  const chosen = format ?? formatForFile(file);
  if (chosen === 'text' && size >= TWO_THREAD_MIN_BYTES) {
    const scrape = await readInTwoThreads(file, size, displayName, limits.maxSeries ?? DEFAULT_MAX_SERIES);
    if (scrape) return scrape;
  }
  return parseScrape(createReadStream(file, { highWaterMark: 1 << 20 }), chosen, displayName, limits);
}
