/** A parsed scrape handed to another thread as one part and rebuilt there is the same scrape, series for series. */
import { describe, expect, it } from 'vitest';
import { parseScrape, scrapeFromPart, type Scrape } from '../../../src/sources/exposition/scrape.js';

const page = [
  '# HELP latency Request latency "quoted" \\\\ and \\n escaped.',
  '# TYPE latency histogram',
  'latency_bucket{route="/a",le="1"} 1',
  'latency_bucket{route="/a",le="+Inf"} 2',
  'latency_sum{route="/a"} 3',
  'latency_count{route="/a"} 2',
  'requests_total{code="200",note="é\\"x\\n"} 5',
  'requests_total{code="200",note="é\\"x\\n"} 6',
  'requests_total{code="500"} 1',
  'up 1',
].join('\n');

function contents(scrape: Scrape) {
  const series: [string, string, number][] = [];
  scrape.forEachSeries((parts, value, key) => series.push([key, parts.join('|'), value]));
  const named: string[] = [];
  scrape.forEachSeriesNamed('requests_total', (parts) => named.push(parts.join('|')));
  return { series, named, metadata: [...scrape.metadata], samples: scrape.samples, duplicates: scrape.duplicates, count: scrape.seriesCount, source: scrape.source, format: scrape.format };
}

describe('a scrape handed over as a part', () => {
  it('is rebuilt with the same series, values, metadata and counts', async () => {
    const scrape = await parseScrape([`${page}\n`], 'text', 'metrics.txt');
    expect(scrape.duplicates).toBe(1);
    const rebuilt = scrapeFromPart(scrape.source, scrape.format, structuredClone(scrape.toPart!()));
    expect(contents(rebuilt)).toEqual(contents(scrape));
  });
});
