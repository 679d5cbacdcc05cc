/**
 * `seriesText` reads a stored series key in one pass and quotes plain values itself; it says what the rendering of
 * the key's parts with JSON.stringify says, escapes included.
 */
import { describe, expect, test } from 'vitest';
import { parseScrape, seriesParts, seriesText } from '../../../src/sources/exposition/scrape.js';

const PAGE = [
  'up 1',
  'requests_total{method="GET",code="200"} 1',
  'requests_total{path="quote \\" backslash \\\\ line \\n end"} 1',
  'requests_total{path="nul \u0000 and \u0001 in a value",z="é 😀 \u2028"} 1',
  'requests_total{path="tab \t bell \u0007 del \u007f",z="lone \ud800 surrogate"} 1',
  'requests_total{only="one"} 1',
].join('\n');

/** The rendering from the key's parts: `name{label="value",...}`, values as JSON strings. */
function fromParts(key: string): string {
  const [name, ...pairs] = seriesParts(key);
  if (pairs.length === 0) return name!;
  const labels: string[] = [];
  for (let index = 0; index < pairs.length; index += 2) labels.push(`${pairs[index]}=${JSON.stringify(pairs[index + 1])}`);
  return `${name}{${labels.join(',')}}`;
}

describe('seriesText', () => {
  test('renders every stored key as its parts do', async () => {
    const scrape = await parseScrape([`${PAGE}\n`], 'text', 'page');
    const keys: string[] = [];
    scrape.forEachSeries((_parts, _value, key) => keys.push(key));
    expect(keys).toHaveLength(6);
    for (const key of keys) expect(seriesText(key)).toBe(fromParts(key));
    expect(keys.map(seriesText)).toContain('requests_total{code="200",method="GET"}');
    expect(keys.map(seriesText)).toContain('requests_total{path="nul \\u0000 and \\u0001 in a value",z="é 😀 \u2028"}');
  });
});
