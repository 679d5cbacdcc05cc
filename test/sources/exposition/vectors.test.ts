/** test/vectors/exposition.json: what Prometheus 2.42 accepts, rejects (with which message) and stores. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/shared/errors.js';
import { parseScrape } from '../../../src/sources/exposition/scrape.js';

interface Vector {
  case: string;
  format: 'text' | 'openmetrics';
  input: string | null;
  input_base64?: string;
  ok: boolean;
  error: string | null;
  series: { name: string; labels: Record<string, string>; value: string }[];
  details: { dropped?: { out_of_bounds?: number } };
}

const vectors = (JSON.parse(readFileSync(new URL('../../vectors/exposition.json', import.meta.url), 'utf8')) as { vectors: Vector[] }).vectors;
const SYNTHETIC = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added']);

function inputOf(vector: Vector): Buffer {
  if (vector.input === null) return Buffer.from(vector.input_base64!, 'base64');
  const now = Date.now();
  const text = vector.input
    .replace(/@NOW_MS-(\d+)@/g, (_, delta: string) => String(now - Number(delta)))
    .replace(/@NOW_S-(\d+)@/g, (_, delta: string) => String(Math.floor(now / 1000) - Number(delta)));
  return Buffer.from(text, 'utf8');
}

const key = (name: string, labels: Record<string, string>) =>
  `${name}{${Object.keys(labels).filter((l) => l !== 'job' && l !== 'instance').sort().map((l) => `${l}=${JSON.stringify(labels[l])}`).join(',')}}`;

describe('test/vectors/exposition.json', () => {
  for (const vector of vectors) {
    it(`${vector.case}: ${vector.ok ? 'accepted' : `rejected with "${vector.error}"`}`, async () => {
      // One byte at a time as well as whole: the streaming parser must not depend on chunk boundaries.
      const input = inputOf(vector);
      for (const chunks of [[input], [...input].map((byte) => Uint8Array.of(byte))]) {
        const result = parseScrape(chunks, vector.format, vector.case);
        if (!vector.ok) {
          const error = await result.then(() => undefined, (e: unknown) => e);
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).message).toMatch(new RegExp(`: ${vector.error!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
          expect((error as InputError).location?.line).toBeGreaterThan(0);
          continue;
        }
        const scrape = await result;
        const ours: string[] = [];
        scrape.forEachSeries((parts) => {
          const labels: Record<string, string> = {};
          for (let index = 1; index < parts.length; index += 2) labels[parts[index]!] = parts[index + 1]!;
          if (!SYNTHETIC.has(parts[0]!)) ours.push(key(parts[0]!, labels));
        });
        const expected = vector.series.map((s) => key(s.name, s.labels));
        // Samples outside the TSDB's time window are stored by us (the collector has no TSDB) but dropped by Prometheus.
        expect(ours.length - (vector.details.dropped?.out_of_bounds ?? 0)).toBe(expected.length);
        expect(ours).toEqual(expect.arrayContaining(expected));
      }
    });
  }
});

describe('scrape-loop checks after parsing (docs/sources.md#exposition)', () => {
  it.each([
    ['m{a="1",b="2",a="3"} 1\n', 'a'],
    ['m{__name__="x"} 1\n', '__name__'],
  ])('rejects a repeated label name in %j', async (text, label) => {
    await expect(parseScrape([text], 'text', 'page.prom')).rejects.toThrow(`label name "${label}" is not unique: invalid sample`);
  });

  it('sorts labels, drops empty values and keeps the first of duplicate series', async () => {
    const scrape = await parseScrape(['m{b="2",a="1",c=""} 1\nm{a="1",b="2"} 9\nm 3\n'], 'text', 'page.prom');
    const seen: string[] = [];
    scrape.forEachSeries((parts, value) => seen.push(`${parts.join(',')}=${value}`));
    expect(seen).toEqual(['m,a,1,b,2=1', 'm=3']);
    expect(scrape).toMatchObject({ samples: 3, duplicates: 1, seriesCount: 2 });
  });
});
