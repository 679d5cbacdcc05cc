/**
 * Organisation-wide inventory at scale: 50 accounts × 3 regions × 20,000 custom metrics (3,000,000 metrics, 6,000
 * ListMetrics pages) from a wire-level fake organization (STS AssumeRole, CloudWatch per account and region) served
 * by a child process, read by `cwdash inventory --targets` spawned as users run it. Prints wall time and the CLI's
 * peak RSS for each run, then min/median/max. Run: `npm run bench:org` after `npm run build` (loopback only).
 * Options: `--accounts N --metrics N --runs N --concurrency N`.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FAKE_CREDENTIALS_ENV, type WireMetric } from '../test/support/fake-cloudwatch-server.js';
import { FakeOrganization } from '../test/support/fake-organization.js';
import { runCliProcess, spread } from './support/run-cli.js';

const { values } = parseArgs({ options: { serve: { type: 'boolean' }, accounts: { type: 'string' }, metrics: { type: 'string' }, runs: { type: 'string' }, concurrency: { type: 'string' } } });
const ACCOUNTS = Number(values.accounts ?? 50);
const METRICS = Number(values.metrics ?? 20_000);
const RUNS = Number(values.runs ?? 3);
const REGIONS = ['eu-west-1', 'us-east-1', 'ap-northeast-1'];
const accountId = (index: number) => String(100_000_000_000 + index);

async function serve(): Promise<void> {
  const org = await FakeOrganization.start();
  // One shared list: every account and region holds the same shape of metrics (40 names × 500 pods).
  const metrics: WireMetric[] = Array.from({ length: METRICS }, (_, index) => ({
    Namespace: `team-${index % 5}/api`,
    MetricName: `metric_${index % 40}`,
    Dimensions: [
      { Name: 'ClusterName', Value: 'prod' },
      { Name: 'pod', Value: `api-${Math.floor(index / 40)}` },
    ],
  }));
  for (let account = 0; account < ACCOUNTS; account++) {
    for (const region of REGIONS) {
      const cloudWatch = await org.cloudWatch(accountId(account), region);
      cloudWatch.recordCalls = false;
      cloudWatch.metrics = metrics;
    }
  }
  process.send?.(org.url);
}

async function measure(): Promise<void> {
  const runner = fileURLToPath(new URL('../bin/run-ts.js', import.meta.url));
  const server = fork(runner, [fileURLToPath(import.meta.url), '--serve', '--accounts', String(ACCOUNTS), '--metrics', String(METRICS)], { stdio: 'inherit' });
  const url = await new Promise<string>((resolve) => server.once('message', (message) => resolve(String(message))));
  try {
    const dir = mkdtempSync(join(tmpdir(), 'cwdash-org-bench-'));
    const targets = join(dir, 'targets.yaml');
    const lines = ['targets:'];
    for (let account = 0; account < ACCOUNTS; account++) {
      lines.push(`  - name: account-${account}`, `    roleArn: arn:aws:iam::${accountId(account)}:role/cwdash-read`, `    regions: [${REGIONS.join(', ')}]`);
    }
    writeFileSync(targets, `${lines.join('\n')}\n`);
    const env = { PATH: process.env.PATH, HOME: dir, ...FAKE_CREDENTIALS_ENV, AWS_ENDPOINT_URL_STS: url, AWS_SDK_JS_SUPPRESS_NODE_VERSION_WARNING: '1' };
    const args = ['inventory', '--targets', targets, '--endpoint-url', url, '--format', 'json', ...(values.concurrency ? ['--concurrency', values.concurrency] : [])];
    const total = ACCOUNTS * REGIONS.length * METRICS;
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await runCliProcess(args, env);
      if (result.exitCode !== 0) throw new Error(`cwdash inventory exited ${result.exitCode}: ${result.stderr}`);
      console.log(`run ${run + 1}: ${result.seconds.toFixed(2)} s, peak RSS ${result.peakRssMiB.toFixed(0)} MiB (${(total / result.seconds).toFixed(0)} metrics/s)`);
      runs.push(result);
    }
    const time = spread(runs.map((run) => run.seconds));
    const rss = spread(runs.map((run) => run.peakRssMiB));
    console.log(
      `org inventory: ${ACCOUNTS} accounts × ${REGIONS.length} regions × ${METRICS.toLocaleString('en-US')} metrics = ${total.toLocaleString('en-US')} metrics; ` +
        `time min/median/max ${time.min.toFixed(2)}/${time.median.toFixed(2)}/${time.max.toFixed(2)} s; peak RSS ${rss.min.toFixed(0)}/${rss.median.toFixed(0)}/${rss.max.toFixed(0)} MiB (target < 1024)`,
    );
  } finally {
    server.kill();
  }
}

await (values.serve ? serve() : measure());
