/**
 * Fuzzing with a fixed seed (so a failure reproduces): mutated exposition pages through both parsers (text 0.0.4 and
 * OpenMetrics) and mutated collector configs through the YAML loader. The properties: a bad input is an InputError
 * (file and line), never another exception; a page parses the same whole as in random chunks; each input finishes
 * fast (no input-dependent blow-up).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/shared/errors.js';
import { parseCollectorConfig } from '../../src/sources/collector-config/load.js';
import { parseScrape } from '../../src/sources/exposition/scrape.js';
import type { ExpositionFormat } from '../../src/sources/exposition/read.js';
import { random } from '../support/random.js';

const SEED = 0x14c0ffee;
const CASES = 250;


/** Pieces an attacker or a broken exporter puts in: syntax characters, escapes, control and wide characters. */
const PIECES = ['{', '}', '"', '\\', '\n', ' ', '\t', ',', '=', '#', '# EOF\n', '# TYPE ', '# HELP ', '\u0000', '\u0001', '\r', 'é', '\u{1f600}', 'NaN', '+Inf', '1e308', '-', 'le="', '_bucket', '\ufffd', 'x'.repeat(300)];

function mutate(text: string, next: () => number, rounds: number): string {
  let out = text;
  for (let round = 0; round < rounds; round++) {
    const at = Math.floor(next() * (out.length + 1));
    const choice = next();
    if (choice < 0.4) out = out.slice(0, at) + PIECES[Math.floor(next() * PIECES.length)] + out.slice(at);
    else if (choice < 0.7) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(next() * 8));
    else if (choice < 0.9) {
      const from = Math.floor(next() * out.length);
      out = out.slice(0, at) + out.slice(from, from + 1 + Math.floor(next() * 40)) + out.slice(at);
    } else out = out.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x3000)) + out.slice(at);
  }
  return out;
}

/** Random chunk boundaries, including inside multi-byte characters. */
function chunks(bytes: Buffer, next: () => number): Buffer[] {
  const parts: Buffer[] = [];
  for (let start = 0; start < bytes.length; ) {
    const size = 1 + Math.floor(next() * 64);
    parts.push(bytes.subarray(start, start + size));
    start += size;
  }
  return parts;
}

type Outcome = { ok: true; series: string[] } | { ok: false; message: string };

async function outcome(input: Iterable<Uint8Array | string>, format: ExpositionFormat): Promise<Outcome> {
  try {
    const scrape = await parseScrape(input, format, 'fuzz');
    const series: string[] = [];
    scrape.forEachSeries((parts, value) => void series.push(`${parts.join('\u241f')}=${value}`));
    return { ok: true, series };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ok: false, message: error.describe() };
  }
}

const TEXT_PAGE = [
  '# HELP http_requests_total Requests.',
  '# TYPE http_requests_total counter',
  'http_requests_total{method="GET",route="/a\\"b",code="200"} 1027 1395066363000',
  'http_requests_total{method="POST",code="500"} 3',
  '# TYPE latency histogram',
  'latency_bucket{le="0.1"} 1',
  'latency_bucket{le="+Inf"} 2',
  'latency_sum 0.3',
  'latency_count 2',
  'up 1',
  '',
].join('\n');
const OPENMETRICS_PAGE = [
  '# TYPE requests counter',
  '# HELP requests Requests.',
  'requests_total{code="200"} 10 1.5',
  'requests_created{code="200"} 1.7e9',
  '# TYPE temp_celsius gauge',
  '# UNIT temp_celsius celsius',
  'temp_celsius{room="a"} 21.5',
  '# EOF',
  '',
].join('\n');

describe.each([
  ['text', TEXT_PAGE],
  ['openmetrics', OPENMETRICS_PAGE],
] as const)('fuzzing the %s parser', (format, page) => {
  it(`${CASES} mutated pages: an InputError or series, the same whole and in chunks, each fast`, async () => {
    const next = random(SEED ^ format.length);
    let failures = 0;
    for (let index = 0; index < CASES; index++) {
      const text = mutate(page, next, 1 + Math.floor(next() * 6));
      const started = performance.now();
      const whole = await outcome([text], format);
      const split = await outcome(chunks(Buffer.from(text, 'utf8'), next), format);
      expect(performance.now() - started, `case ${index}`).toBeLessThan(1000);
      expect(split, `case ${index}: ${JSON.stringify(text)}`).toEqual(whole);
      if (!whole.ok) {
        failures++;
        expect(whole.message, JSON.stringify(text)).toMatch(/^fuzz:\d+(:\d+)?: /);
      }
    }
    // The mutations do reach the error paths; the page they start from is valid.
    expect(failures).toBeGreaterThan(CASES / 10);
    expect(await outcome([page], format)).toMatchObject({ ok: true });
  });
});

describe('fuzzing the collector config loader', () => {
  const config = readFileSync(fileURLToPath(new URL('../../examples/task-service/otel-config.yaml', import.meta.url)), 'utf8');
  const YAML_PIECES = ['&a ', '*a', '<<: *a\n', '[', ']', '{', '}', ': ', '- ', '\n  ', '"', "'", '!!str ', '!!binary ', '? ', '|\n', '#', '${env:X}', '$${', '\t', '%YAML 1.1\n'];

  it(`${CASES} mutated configs: loaded or an InputError with file and line, each fast`, () => {
    const next = random(SEED);
    let failures = 0;
    for (let index = 0; index < CASES; index++) {
      let text = mutate(config, next, 1 + Math.floor(next() * 4));
      const at = Math.floor(next() * text.length);
      text = text.slice(0, at) + YAML_PIECES[Math.floor(next() * YAML_PIECES.length)] + text.slice(at);
      const started = performance.now();
      try {
        parseCollectorConfig(text, 'fuzz.yaml', { AWS_REGION: 'eu-west-1' });
      } catch (error) {
        if (!(error instanceof InputError)) throw new Error(`case ${index} threw ${String(error)} on ${JSON.stringify(text)}`);
        failures++;
        expect(error.describe()).toMatch(/^fuzz\.yaml(:\d+(:\d+)?)?: /);
      }
      expect(performance.now() - started, `case ${index}`).toBeLessThan(1000);
    }
    expect(failures).toBeGreaterThan(CASES / 10);
    expect(failures).toBeLessThan(CASES);
  });
});

describe('what this fuzzer found, pinned', () => {
  it('a TYPE line run into the next one: the error names its own line and a real column', async () => {
    expect(await outcome(['# TYPE a counte# HELP x\n# EOF\n'], 'openmetrics')).toEqual({
      ok: false,
      message: expect.stringMatching(/^fuzz:1:9: invalid OpenMetrics exposition: invalid metric type "counte# HELP x"/),
    });
  });

  it('a merge key aliasing an anchor defined later is an input error at the alias', () => {
    let error: unknown;
    try {
      parseCollectorConfig('receivers:\n  x:\n    <<: *a\n  y: &a {k: 1}\n', 'fuzz.yaml', {});
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).describe()).toMatch(/^fuzz\.yaml:3:9: invalid YAML: Unresolved alias/);
  });
});
