/**
 * A large text scrape read by two threads gives the one-pass result, series for series: the same keys and values in
 * page order, the same metadata, sample and duplicate counts (a series of the first half repeated in the second is
 * a duplicate, the first sample wins), and wherever the halves cannot match one pass (an error in the second half,
 * the series limit) the page is read in one pass, so the error names the same line. The worker is compiled
 * JavaScript, so the reader under test is dist/'s (the test run builds it first).
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseScrape, type Scrape } from '../../../src/sources/exposition/scrape.js';

const dist = (module: string) => pathToFileURL(join(import.meta.dirname, '../../../dist/sources/exposition', module)).href;
const { readScrapeFile } = (await import(dist('scrape-file.js'))) as typeof import('../../../src/sources/exposition/scrape-file.js');
const { readInTwoThreads, TWO_THREAD_MIN_BYTES } = (await import(dist('two-thread-read.js'))) as typeof import('../../../src/sources/exposition/two-thread-read.js');

const dir = mkdtempSync(join(tmpdir(), 'cwdash-two-thread-'));

/** Families of counters and histograms past the size where two threads are used, with the awkward cases inside. */
function page(extra: { secondHalf?: string } = {}): string {
  const lines: string[] = [];
  let bytes = 0;
  for (let family = 0; bytes < TWO_THREAD_MIN_BYTES * 1.2; family++) {
    const histogram = family % 7 === 3;
    const name = histogram ? `op_${family}_seconds` : `op_${family}_total`;
    lines.push(`# HELP ${name} Family ${family} "quoted" \\\\ and \\n escaped.`, `# TYPE ${name} ${histogram ? 'histogram' : 'counter'}`);
    for (let series = 0; series < 60; series++) {
      const labels = `route="/r/${series % 12}",code="${200 + (series % 5)}",note="é\\"${series}\\n"`;
      if (histogram) {
        for (const le of ['0.1', '1', '+Inf']) lines.push(`${name}_bucket{${labels},le="${le}"} ${series}`);
        lines.push(`${name}_sum{${labels}} 1.5`, `${name}_count{${labels}} ${series}`);
      } else lines.push(`${name}{${labels}} ${family * 100 + series}`);
    }
    bytes = lines.reduce((total, line) => total + line.length + 1, 0);
    if (extra.secondHalf !== undefined && bytes > TWO_THREAD_MIN_BYTES * 0.9 && !lines.includes(extra.secondHalf)) lines.push(extra.secondHalf);
  }
  // In the second half: a series of the first family again (a duplicate: the first sample wins), a late HELP for it,
  // and series of the first family that are new.
  lines.push('op_0_total{route="/r/0",code="200",note="é\\"0\\n"} 999', '# HELP op_0_total Late help.', 'op_0_total{route="/r/new",code="200"} 7', 'target_info{team="a"} 1');
  return `${lines.join('\n')}\n`;
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  expect(statSync(file).size).toBeGreaterThan(TWO_THREAD_MIN_BYTES);
  return file;
}

function contents(scrape: Scrape) {
  const series: [string, number][] = [];
  scrape.forEachSeries((_parts, value, key) => series.push([key, value]));
  const named: string[] = [];
  scrape.forEachSeriesNamed('op_0_total', (parts) => named.push(parts.join('|')));
  return { series, named, metadata: [...scrape.metadata], samples: scrape.samples, duplicates: scrape.duplicates, count: scrape.seriesCount };
}

async function failure(work: Promise<unknown>): Promise<{ message: string; location: unknown }> {
  try {
    await work;
  } catch (error) {
    return { message: (error as Error).message, location: (error as { location?: unknown }).location };
  }
  throw new Error('expected an error');
}

const onePass = (file: string, maxSeries?: number) => parseScrape([readFileSync(file)], 'text', 'page.txt', { maxSeries });

describe('two-thread scrape read', () => {
  it('gives the one-pass series, metadata and counts, duplicates across the halves included', async () => {
    const file = write('page.txt', page());
    const twoThreads = await readInTwoThreads(file, statSync(file).size, 'page.txt', 10_000_000);
    expect(twoThreads).toBeDefined();
    const expected = contents(await onePass(file));
    expect(expected.duplicates).toBe(1);
    expect(contents(twoThreads!)).toEqual(expected);
    expect(contents(await readScrapeFile(file, Readable.from([]), undefined, 'page.txt'))).toEqual(expected);
  }, 60_000);

  it('an error in the second half names the line one pass names', async () => {
    const file = write('broken.txt', page({ secondHalf: 'op_bad{route="/x",} 1 2 3 4' }));
    expect(await readInTwoThreads(file, statSync(file).size, 'broken.txt', 10_000_000)).toBeUndefined();
    const expected = await failure(parseScrape([readFileSync(file)], 'text', 'broken.txt'));
    expect(expected.location).toMatchObject({ file: 'broken.txt', line: expect.any(Number) });
    expect(await failure(readScrapeFile(file, Readable.from([]), undefined, 'broken.txt'))).toEqual(expected);
  }, 60_000);

  it('the series limit crossed in the second half fails at the line one pass names', async () => {
    const file = write('many.txt', page());
    const limit = (await onePass(file)).seriesCount - 1;
    const expected = await failure(onePass(file, limit));
    expect(expected.message).toContain('more than');
    expect(await failure(readScrapeFile(file, Readable.from([]), undefined, 'page.txt', { maxSeries: limit }))).toEqual(expected);
  }, 60_000);
});
