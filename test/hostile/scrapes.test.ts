/**
 * Issue 14 point 4: scrapes of any shape. One very long line costs linear time (file and stdin), distinct series
 * are bounded (`--max-series`), the config's `sample_limit` fails the scrape as Prometheus does, and a NUL inside
 * a label value stays inside it, as Prometheus 2.42 keeps it (promtool agrees the page is valid).
 */
import { spawnSync } from 'node:child_process';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseScrape, seriesParts } from '../../src/sources/exposition/scrape.js';
import { readScrapeFile } from '../../src/sources/exposition/scrape-file.js';
import { describeWithTool, PROMTOOL } from '../support/external-tools.js';
import { runCli } from '../support/run-cli.js';
import { collectorConfig, scratch } from './support.js';

const { write } = scratch('scrapes');
const config = collectorConfig;

/** `a{v="xxx…"} 1` with an 80 MB label value, in 16 KiB chunks as a pipe delivers it. */
function* longLine(megabytes: number): Generator<Buffer> {
  yield Buffer.from('# TYPE a gauge\na{v="');
  const chunk = Buffer.alloc(16 * 1024, 'x');
  for (let sent = 0; sent < megabytes * 1024 * 1024; sent += chunk.length) yield chunk;
  yield Buffer.from('"} 1\nb 2\n');
}

/** CPU time, not wall time: the machine may be busy with other work. */
async function cpuSeconds(work: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

describe('one very long line', () => {
  it('80 MB in one line parses in linear time', async () => {
    let series = 0;
    const seconds = await cpuSeconds(async () => {
      series = (await parseScrape(longLine(80), 'text', 'long.prom')).seriesCount;
    });
    expect(series).toBe(2);
    expect(seconds).toBeLessThan(10);
  });

  it('from stdin too', async () => {
    let values: string[] = [];
    const seconds = await cpuSeconds(async () => {
      const scrape = await readScrapeFile('-', Readable.from(longLine(40)), 'text');
      scrape.forEachSeries((parts) => void values.push(parts[2]?.length.toString() ?? parts[0]!));
    });
    expect(values).toEqual([String(40 * 1024 * 1024), 'b']);
    expect(seconds).toBeLessThan(10);
  });
});

describe('bounded series', () => {
  const page = '# TYPE m gauge\nm{i="1"} 1\nm{i="2"} 1\nm{i="2"} 1\nm{i="3"} 1\n';

  it('--max-series refuses the series past it, at its line', async () => {
    const result = await runCli(['metrics', '--config', write('plain.yaml', config('')), '--scrape', write('three.prom', page), '--max-series', '2']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/three\.prom:5: the scrape has more than 2 distinct series \(cwdash's --max-series limit\)/);
    expect(result.stderr).toContain('fix: pass --max-series N');
    const within = await runCli(['metrics', '--config', write('plain.yaml', config('')), '--scrape', write('three.prom', page), '--max-series', '3']);
    expect(within.exitCode).toBe(0);
  });

  it('has a default', async () => {
    await expect(parseScrape([page], 'text', 'p')).resolves.toMatchObject({ seriesCount: 3 });
    const result = await runCli(['metrics', '--help']);
    expect(result.stdout).toMatch(/--max-series[\s\S]*\[default: 2000000\]/);
  });

  it('sample_limit from the config fails the scrape as Prometheus does: only the scrape-loop gauges remain', async () => {
    const over = await runCli(['metrics', '--config', write('limit.yaml', config('          sample_limit: 2')), '--scrape', write('p.prom', page), '--format', 'json']);
    expect(over.exitCode).toBe(0);
    const json = JSON.parse(over.stdout);
    expect(json.metrics.map((metric: { metricName: string }) => metric.metricName).sort()).toEqual(
      ['scrape_duration_seconds', 'scrape_samples_post_metric_relabeling', 'scrape_samples_scraped', 'scrape_series_added', 'up'],
    );
    expect(over.stderr).toContain('3 samples after relabelling exceed sample_limit 2 of job "app"');
    // Counted after relabelling: dropping one series brings the page under the limit.
    const relabelled = config('          sample_limit: 2\n          metric_relabel_configs:\n            - {source_labels: [i], regex: "3", action: drop}');
    const under = await runCli(['metrics', '--config', write('limit2.yaml', relabelled), '--scrape', write('p.prom', page), '--format', 'json']);
    expect(JSON.parse(under.stdout).metrics.filter((metric: { metricName: string }) => metric.metricName === 'm')).toHaveLength(2);
    expect(under.stderr).toBe('');
  });
});

describe('NUL inside a label value', () => {
  const page = '# TYPE a gauge\na{a="v\u0000zz\u0000injected"} 1\na{a="x\u0000y"} 2\na{a="\u0001\u0002"} 3\n';

  it('stays one label with its value', async () => {
    const scrape = await parseScrape([page], 'text', 'nul.prom');
    const all: string[][] = [];
    scrape.forEachSeries((parts) => void all.push([...parts]));
    expect(all).toEqual([['a', 'a', 'v\u0000zz\u0000injected'], ['a', 'a', 'x\u0000y'], ['a', 'a', '\u0001\u0002']]);
    scrape.forEachSeriesNamed('a', (parts, _value, key) => expect(seriesParts(key)).toEqual(parts));
  });

  it('end to end: one dimension, no crash', async () => {
    const result = await runCli(['metrics', '--config', write('plain.yaml', config('')), '--scrape', write('nul.prom', page), '--format', 'json']);
    expect(result.exitCode).toBe(0);
    const dimensions = JSON.parse(result.stdout).metrics.filter((metric: { metricName: string }) => metric.metricName === 'a').map((metric: { dimensions: object }) => metric.dimensions);
    expect(dimensions).toEqual([
      { OTelLib: expect.any(String), a: '\u0001\u0002' },
      { OTelLib: expect.any(String), a: 'v\u0000zz\u0000injected' },
      { OTelLib: expect.any(String), a: 'x\u0000y' },
    ]);
  });
});

describeWithTool(PROMTOOL, 'NUL in a label value, as promtool reads it', () => {
  it('promtool accepts the page (no parse error), as cwdash does', () => {
    const result = spawnSync(PROMTOOL.path!, ['check', 'metrics'], { input: '# HELP a h\n# TYPE a gauge\na{a="v\u0000zz\u0000injected"} 1\n', encoding: 'utf8' });
    expect(result.stdout + result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });
});
