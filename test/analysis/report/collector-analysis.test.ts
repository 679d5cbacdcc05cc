/**
 * The cost report's view of one collector: read once, and the fix predicted in memory. The inputs are copied to a
 * temporary folder and deleted after the analysis: the fix must still be predicted, so it can only have come from the
 * already parsed config and scrape (no temp file, no second read), and its "after" count must be what a fresh
 * `analyzeCollector` says about the written fix file.
 */
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeCollector } from '../../../src/analysis/awsemf/collector.js';
import { analyzeCollectorInput, collectorFix } from '../../../src/analysis/report/collector-analysis.js';
import { CONFIG, ENV, SCRAPE } from '../../support/task-service-example.js';
import { snapshotPrices } from './fixtures.js';

async function copiedExample() {
  const dir = await mkdtemp(join(tmpdir(), 'cwdash-collector-analysis-'));
  const config = join(dir, 'otel-config.yaml');
  const scrape = join(dir, 'metrics.txt');
  await copyFile(CONFIG, config);
  await copyFile(SCRAPE, scrape);
  return { dir, config, scrape };
}

describe('collector analysis for the cost report', () => {
  test('predicts every fix candidate from the inputs read once: deleting them after the analysis changes nothing', async () => {
    const { dir, config, scrape } = await copiedExample();
    const analysis = await analyzeCollectorInput({ config, scrape }, { cwd: dir, env: ENV });
    expect(analysis.prediction.summary.customMetrics).toBe(144);
    await rm(config);
    await rm(scrape);

    const readers = (metric: { metricName: string }) => metric.metricName === 'http_request_duration_seconds';
    const context = { cwd: dir, env: ENV, readers, allowList: undefined, today: '2026-12-04', prices: await snapshotPrices(), freeTier: false, writeFixDir: 'fixed' };
    const { summary, file } = await collectorFix(analysis, context);
    expect(summary.before.metrics).toBe(144);
    expect(summary.lostReads).toEqual([]);
    expect(summary.after.metrics).toBeLessThan(144);
    expect(file?.path).toBe(join(dir, 'fixed', 'otel-config.cwdash-fix.yaml'));

    // The "after" count is what `cwdash metrics` says about the written file with the same scrape.
    const fixed = join(dir, 'fixed.yaml');
    await writeFile(fixed, file!.content);
    await copyFile(SCRAPE, scrape);
    const fresh = await analyzeCollector({ cwd: dir, configFile: fixed, scrapeFile: scrape, env: ENV });
    expect(fresh.summary.customMetrics).toBe(summary.after.metrics);
    const kept = fresh.metrics.filter(readers);
    expect(kept).toHaveLength(analysis.metrics.map((metric) => metric.identity).filter(readers).length);
  });

  test('the fixed text is parsed with the variables of the original, env file included', async () => {
    const { dir, config, scrape } = await copiedExample();
    await writeFile(config, (await readFile(config, 'utf8')).replace('  awsemf:\n', '  awsemf:\n    namespace: ${env:APP_NAMESPACE}\n'));
    await writeFile(join(dir, 'app.env'), 'APP_NAMESPACE=team/app\n');
    const analysis = await analyzeCollectorInput({ config, scrape, envFile: join(dir, 'app.env') }, { cwd: dir, env: ENV });
    expect(analysis.prediction.summary.byNamespace).toEqual({ 'team/app': 144 });
    const readers = (metric: { metricName: string }) => metric.metricName === 'up';
    const { summary } = await collectorFix(analysis, { cwd: dir, env: ENV, readers, allowList: undefined, today: '2026-12-04', prices: await snapshotPrices(), freeTier: false });
    expect(summary.lostReads).toEqual([]);
    expect(summary.after.metrics).toBeGreaterThan(0);
  });
});
