/**
 * The collector helper's worker (compiled JavaScript, so the helper under test is dist/'s; the test run builds it)
 * answers exactly what the same work gives on this thread: the Classic-vs-OTLP comparison and each fix candidate's
 * metric count and lost metrics. When the worker cannot do the work, the answers still come, from this thread.
 */
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCollector, predictCollectorStreamed, predictCollectorOtlpEquivalent } from '../../../src/analysis/awsemf/collector.js';
import { evaluateCandidate } from '../../../src/analysis/report/fix-candidates.js';
import { metricKey } from '../../../src/model/metric-identity.js';
import { CONFIG, ENV, OTEL_LIB, NS, ROOT, SCRAPE } from '../../support/task-service-example.js';
import { listedMetrics } from '../../../src/model/prediction.js';

const predicted = (...args: Parameters<typeof predictCollectorStreamed>) => listedMetrics(predictCollectorStreamed(...args));

const dist = pathToFileURL(join(ROOT, 'dist/analysis/report/collector-helper.js')).href;
const { HELPER_MIN_SCRAPE_BYTES, startCollectorHelper } = (await import(dist)) as typeof import('../../../src/analysis/report/collector-helper.js');

/** The example's scrape with routes added until it is large enough for a worker. */
function largeScrape(): string {
  const lines = [readFileSync(SCRAPE, 'utf8')];
  // Long label values: the size a worker is started for, with few series to predict.
  const padding = 'x'.repeat(400);
  for (let route = 0; statSync(SCRAPE).size + route * 480 < HELPER_MIN_SCRAPE_BYTES * 1.05; route++) {
    lines.push(`http_request_duration_seconds_count{method="GET",route="/generated/${route}/${padding}",code="200"} ${route}\n`);
  }
  const file = join(mkdtempSync(join(tmpdir(), 'cwdash-helper-')), 'metrics.txt');
  writeFileSync(file, lines.join(''));
  expect(statSync(file).size).toBeGreaterThan(HELPER_MIN_SCRAPE_BYTES);
  return file;
}

const job = { cwd: ROOT, configFile: CONFIG, scrapeFile: largeScrape(), env: ENV };
const original = readFileSync(CONFIG, 'utf8');
// Two candidates: the config as it is, and one declaring a single dimension set of one metric.
const declared = original.replace(/(\n\s*awsemf[^\n]*:\n)/, `$1    metric_declarations: [{dimensions: [[route]], metric_name_selectors: [http_request_duration_seconds]}]\n`);
const texts = [original, declared];

describe('the collector helper in a worker thread', () => {
  it('gives the OTLP comparison and the candidates\' outcomes the main thread would', async () => {
    expect(declared).not.toBe(original);
    const collector = await loadCollector(job);
    const keep = predicted(collector).metrics.slice(0, 40).map(metricKey);
    keep.push(metricKey({ namespace: NS, metricName: 'http_request_duration_seconds', dimensions: { OTelLib: OTEL_LIB, route: '/tasks' } }));
    const expected = texts.map((text) => evaluateCandidate(collector, text, 'otel-config.cwdash-fix.yaml', keep));
    expect(expected[1]!.metrics).toBeLessThan(expected[0]!.metrics);
    expect(expected[1]!.lost.length).toBeGreaterThan(0);

    const helper = startCollectorHelper(job, Promise.resolve(collector));
    try {
      expect(helper.inWorker).toBe(true);
      expect(await helper.otlpEquivalent()).toEqual(predictCollectorOtlpEquivalent(collector));
      expect(await helper.evaluate(texts, 'otel-config.cwdash-fix.yaml', keep)).toEqual(expected);
    } finally {
      helper.close();
    }
  });

  it('stays on this thread for a small scrape', async () => {
    const helper = startCollectorHelper({ ...job, scrapeFile: SCRAPE }, loadCollector({ ...job, scrapeFile: SCRAPE }));
    expect(helper.inWorker).toBe(false);
    helper.close();
  });

  it('falls back to this thread when the worker cannot read the inputs', async () => {
    const collector = await loadCollector(job);
    const helper = startCollectorHelper({ ...job, configFile: join(ROOT, 'no-such-config.yaml') }, Promise.resolve(collector));
    try {
      expect(helper.inWorker).toBe(true);
      expect(await helper.otlpEquivalent()).toEqual(predictCollectorOtlpEquivalent(collector));
      expect(await helper.evaluate([original], 'fixed.yaml', [])).toEqual([evaluateCandidate(collector, original, 'fixed.yaml', [])]);
    } finally {
      helper.close();
    }
  });
});
