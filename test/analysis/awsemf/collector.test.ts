/** A collector's inputs read once (loadCollector), then predicted without I/O (predictCollectorStreamed), as loaded or edited. */
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCollector, loadCollector, parseEditedConfig, predictCollectorStreamed } from '../../../src/analysis/awsemf/collector.js';
import { listedMetrics } from '../../../src/model/prediction.js';

const predicted = (...args: Parameters<typeof predictCollectorStreamed>) => listedMetrics(predictCollectorStreamed(...args));

const REPO = new URL('../../../', import.meta.url).pathname;
const CLUSTER = { cwd: REPO, configFile: 'examples/cluster/otel-config.yaml', clusterInventoryFile: 'examples/cluster/inventory.json', env: {} };

describe('loadCollector and predictCollectorStreamed', () => {
  it('predict the same as analyzeCollector, with paths shown relative to cwd', async () => {
    const options = { cwd: REPO, configFile: 'examples/task-service/otel-config.yaml', scrapeFile: 'examples/task-service/metrics.txt', env: {} };
    const collector = await loadCollector(options);
    expect(collector.config.file).toBe('examples/task-service/otel-config.yaml');
    expect(collector.scrape?.source).toBe('examples/task-service/metrics.txt');
    expect(JSON.stringify(predicted(collector))).toBe(JSON.stringify(await analyzeCollector(options)));
  });

  it('an edited config is predicted against the inventory already read, like the same file loaded afresh', async () => {
    const collector = await loadCollector(CLUSTER);
    const original = await readFile(join(REPO, CLUSTER.configFile), 'utf8');
    const edited = original.replace(/\n {6}- dimensions: \[\[ClusterName\]\]\n {8}metric_name_selectors:\n(?: {10}- \w+\n)+/, '\n');
    expect(edited).not.toBe(original);
    const before = predicted(collector);
    const after = predicted(collector, parseEditedConfig(collector, edited, 'otel-config.cwdash-fix.yaml'));
    expect(after.summary.customMetrics).toBeLessThan(before.summary.customMetrics);

    const dir = await mkdtemp(join(tmpdir(), 'cwdash-collector-'));
    await writeFile(join(dir, 'otel-config.yaml'), edited);
    const fresh = await analyzeCollector({ ...CLUSTER, cwd: dir, configFile: 'otel-config.yaml', clusterInventoryFile: join(REPO, CLUSTER.clusterInventoryFile) });
    expect(after.metrics).toEqual(fresh.metrics);
  });

  it('--scrape and --scrape-url together is a usage error', async () => {
    await expect(loadCollector({ configFile: 'x.yaml', scrapeFile: 'a', scrapeUrl: 'http://127.0.0.1:1/metrics', env: {} })).rejects.toThrow('a scrape file and a scrape URL were both given');
  });
});
