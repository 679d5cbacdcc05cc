/**
 * The streamed `metrics` outputs write, piece by piece, exactly the bytes of the whole document: the prediction
 * rendered with stableStringify once its metrics are listed (a scrape's and a cluster's merged ones), and CSV rows
 * in the order of that list.
 */
import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import { analyzeCollectorStreamed } from '../../src/analysis/awsemf/collector.js';
import { identitiesOf } from '../../src/model/metric-summary.js';
import { listedMetrics } from '../../src/model/prediction.js';
import { metricsCsvChunks } from '../../src/outputs/metrics-csv.js';
import { metricsJsonChunks } from '../../src/outputs/metrics-json.js';
import { stableStringify } from '../../src/shared/json.js';

const repo = fileURLToPath(new URL('../../', import.meta.url));

const inputs = {
  'a sidecar scrape': { configFile: 'examples/task-service/otel-config.yaml', scrapeFile: 'examples/task-service/metrics.txt' },
  'a cluster (metrics merged from the inventory)': { configFile: 'examples/cluster/otel-config.yaml', clusterInventoryFile: 'examples/cluster/inventory.json' },
};

describe('streamed metrics outputs', () => {
  for (const [name, input] of Object.entries(inputs)) {
    test(`JSON in pieces is stableStringify of the listed prediction: ${name}`, async () => {
      const streamed = await analyzeCollectorStreamed({ ...input, cwd: repo, env: {} });
      const listed = listedMetrics(streamed);
      expect(listed.metrics.length).toBeGreaterThan(10);
      const pieces = [...metricsJsonChunks(streamed)];
      expect(pieces.length).toBeGreaterThan(2);
      expect(pieces.join('')).toBe(stableStringify(listed));
    });

    test(`CSV in pieces has one row per listed metric, in order: ${name}`, async () => {
      const streamed = await analyzeCollectorStreamed({ ...input, cwd: repo, env: {} });
      const rows = [...metricsCsvChunks(streamed)];
      const listed = listedMetrics(streamed).metrics;
      expect(rows).toHaveLength(listed.length + 1);
      rows.slice(1).forEach((row, index) => expect(row.startsWith(`${listed[index]!.namespace},${listed[index]!.metricName},`)).toBe(true));
      expect(rows.every((row) => row.endsWith('\r\n'))).toBe(true);
    });
  }

  test('a prediction with no metrics still writes an empty list', async () => {
    const streamed = { result: { ...listedMetrics(await analyzeCollectorStreamed({ ...inputs['a sidecar scrape'], cwd: repo, env: {} })), metrics: [] }, metrics: [], identities: identitiesOf([]) };
    expect([...metricsJsonChunks(streamed)].join('')).toBe(stableStringify(streamed.result));
  });
});
