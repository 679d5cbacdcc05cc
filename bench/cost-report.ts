/**
 * The cost linter at account scale: 200,000 custom metrics (40 names × 5,000 pods), read by 20 dashboards of 100
 * metric rows and 5 SEARCH expressions each, plus 500 alarms. Times the usage index and the whole report (readers of
 * every metric, every rule, the cost buckets) and prints peak RSS. Run: `npm run bench:cost-report` (offline).
 */
import { buildCostReport } from '../src/analysis/report/build.js';
import { loadRuleSet } from '../src/analysis/rules/rule-file.js';
import { alarmReads } from '../src/analysis/usage/alarm-reads.js';
import { dashboardReads } from '../src/analysis/usage/dashboard-reads.js';
import { buildUsageIndex } from '../src/analysis/usage/usage-index.js';
import { loadPriceTable } from '../src/sources/price-list/prices.js';

const NAMES = 40;
const PODS = 5_000;
const NS = 'prod/api';

const metrics = Array.from({ length: NAMES * PODS }, (_, index) => ({
  identity: { namespace: NS, metricName: `metric_${index % NAMES}`, dimensions: { ClusterName: 'prod', pod: `api-${Math.floor(index / NAMES)}` } },
}));
const dashboards = Array.from({ length: 20 }, (_, d) => ({
  name: `board-${d}`,
  body: {
    widgets: [
      {
        type: 'metric',
        properties: {
          region: 'us-east-1',
          metrics: [
            ...Array.from({ length: 100 }, (_, r) => [NS, `metric_${r % NAMES}`, 'ClusterName', 'prod', 'pod', `api-${d * 100 + r}`]),
            ...Array.from({ length: 5 }, (_, s) => [{ expression: `SEARCH('{${NS},ClusterName,pod} MetricName="metric_${d + s}" pod=api-${d}', 'Average', 60)` }]),
          ],
        },
      },
    ],
  },
}));
const alarms = {
  MetricAlarms: Array.from({ length: 500 }, (_, a) => ({
    AlarmName: `alarm-${a}`,
    Namespace: NS,
    MetricName: `metric_${a % NAMES}`,
    Dimensions: [{ Name: 'ClusterName', Value: 'prod' }, { Name: 'pod', Value: `api-${a}` }],
  })),
  CompositeAlarms: [],
};

const started = performance.now();
const usage = buildUsageIndex([...dashboards.map((dashboard) => dashboardReads(dashboard)), alarmReads(alarms)]);
const indexed = performance.now();
const report = buildCostReport({
  prices: new Map([['us-east-1', await loadPriceTable({ region: 'us-east-1', env: {} })]]),
  dashboardsRegion: 'us-east-1',
  collectors: [
    {
      facts: { config: 'account', exporter: 'account', dimensionRollupOption: '', resourceToTelemetry: { enabled: true } },
      region: { region: 'us-east-1', rule: '--region' },
      metrics,
    },
  ],
  usage,
  dashboards: dashboards.map((dashboard) => ({ name: dashboard.name, metricCount: 105 })),
  alarms: 500,
  rules: await loadRuleSet(),
  assumptions: [],
});
const done = performance.now();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(`metrics: ${metrics.length.toLocaleString('en-US')}, reads: ${usage.reads.length.toLocaleString('en-US')}`);
console.log(`usage index: ${(indexed - started).toFixed(0)} ms`);
console.log(`report (readers of every metric, rules, buckets): ${(done - indexed).toFixed(0)} ms`);
console.log(`unread: ${report.totals.unusedMetrics.toLocaleString('en-US')} metrics, findings: ${report.findings.length}`);
console.log(`peak RSS: ${mb(process.resourceUsage().maxRSS * 1024)}`);
