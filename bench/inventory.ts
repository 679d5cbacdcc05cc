/**
 * Inventory at scale: 200,000 custom metrics over 400 ListMetrics pages (500 per page, the API's page size), served by
 * the wire-level fake CloudWatch in a child process so the figures are cwdash's alone. Prints wall time, pages per
 * second and the peak RSS of the listing process. Run: `npm run bench:inventory` (no AWS, loopback only).
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createCloudWatchClient } from '../src/sources/aws/cloudwatch-client.js';
import { fetchAccountInventory } from '../src/sources/account/inventory.js';
import { FAKE_CREDENTIALS_ENV, FakeCloudWatchServer } from '../test/support/fake-cloudwatch-server.js';

const METRICS = 200_000;
const PAGE_SIZE = 500;

async function serve(): Promise<void> {
  const server = await FakeCloudWatchServer.start();
  server.recordCalls = false;
  server.pageSize.ListMetrics = PAGE_SIZE;
  // 40 metric names × 5,000 pods: the per-pod cardinality that makes these bills large.
  server.metrics = Array.from({ length: METRICS }, (_, index) => ({
    Namespace: 'prod/api',
    MetricName: `metric_${index % 40}`,
    Dimensions: [
      { Name: 'ClusterName', Value: 'prod' },
      { Name: 'pod', Value: `api-${Math.floor(index / 40)}` },
      { Name: 'service', Value: 'api' },
    ],
  }));
  process.send?.(server.url);
}

async function measure(): Promise<void> {
  // Through the same tsx runner as this script, since the child runs TypeScript too.
  const runner = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
  const child = fork(runner, [fileURLToPath(import.meta.url), '--serve'], { stdio: 'inherit' });
  const url = await new Promise<string>((resolve) => child.once('message', (message) => resolve(String(message))));
  try {
    const client = createCloudWatchClient({ endpointUrl: url }, { env: FAKE_CREDENTIALS_ENV });
    let pages = 0;
    const started = performance.now();
    const inventory = await fetchAccountInventory(client, {
      progress: { start: () => ({ advance: () => void (pages += 1), done: () => {} }), note: () => {} },
    });
    const seconds = (performance.now() - started) / 1000;
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    if (inventory.metrics.length !== METRICS) throw new Error(`expected ${METRICS} metrics, got ${inventory.metrics.length}`);
    process.stdout.write(
      `inventory: ${inventory.metrics.length.toLocaleString('en-US')} metrics, ${pages - 1} ListMetrics pages ` +
        `in ${seconds.toFixed(2)} s (${((pages - 1) / seconds).toFixed(0)} pages/s), peak RSS ${peakRssMiB.toFixed(0)} MiB\n`,
    );
  } finally {
    child.kill();
  }
}

await (process.argv.includes('--serve') ? serve() : measure());
