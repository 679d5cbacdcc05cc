/** Small, hand-checkable inputs for the rules and the report builder: one collector, one dashboard, snapshot prices. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCostReport, type CollectorInputs, type CostReportInputs, type MetricInput } from '../../../src/analysis/report/build.js';
import type { ResolvedRegion } from '../../../src/model/region.js';
import type { PriceTable } from '../../../src/sources/price-list/prices.js';
import type { CollectorFacts } from '../../../src/analysis/rules/context.js';
import { loadRuleSet } from '../../../src/analysis/rules/rule-file.js';
import { dashboardReads } from '../../../src/analysis/usage/dashboard-reads.js';
import { buildUsageIndex } from '../../../src/analysis/usage/usage-index.js';
import { loadPriceTable } from '../../../src/sources/price-list/prices.js';

export const NS = 'prod/task-service';

/** us-east-1 snapshot prices (no refresh cache): $0.30 per metric-month for the first 10,000, $3 per dashboard. */
export function snapshotPrices(region = 'us-east-1') {
  return loadPriceTable({ region, env: { CWDASH_CACHE_DIR: mkdtempSync(join(tmpdir(), 'cwdash-prices-')) } });
}

export const collector: CollectorFacts = {
  config: 'examples/task-service/otel-config.yaml',
  exporter: 'awsemf',
  exporterLocation: { file: 'examples/task-service/otel-config.yaml', line: 20, column: 3 },
  dimensionRollupOption: 'ZeroAndSingleDimensionRollup',
  resourceToTelemetry: { enabled: false },
};

/** One histogram with rollups over three routes, and one unlabeled gauge. */
export function histogramMetrics(routes = ['/tasks', '/users', '/health']): MetricInput[] {
  const metric = (dimensions: Record<string, string>, rollup = false): MetricInput => ({
    identity: { namespace: NS, metricName: 'http_request_duration_seconds', dimensions },
    rollup,
  });
  return [
    ...routes.map((route) => metric({ method: 'GET', route })),
    metric({}, true),
    metric({ method: 'GET' }, true),
    ...routes.map((route) => metric({ route }, true)),
    { identity: { namespace: NS, metricName: 'process_cpu_user_seconds_total', dimensions: {} } },
  ];
}

export const dashboardBody = {
  widgets: [
    {
      type: 'metric',
      properties: { region: 'us-east-1', metrics: [[NS, 'http_request_duration_seconds', 'method', 'GET', 'route', '/tasks']] },
    },
  ],
};

export const US_EAST_1: ResolvedRegion = { region: 'us-east-1', rule: '--region' };

type TestCollector = Omit<CollectorInputs, 'region'> & { region?: ResolvedRegion };

/** The report of `overrides` on top of the defaults; collectors without a region are in us-east-1. */
export async function reportFor(
  overrides: Omit<Partial<CostReportInputs>, 'prices' | 'collectors'> & { metrics?: MetricInput[]; body?: unknown; prices?: PriceTable[]; collectors?: TestCollector[] } = {},
) {
  const usage = buildUsageIndex([dashboardReads({ name: 'task-service', file: 'dashboards/task-service.ts', body: overrides.body ?? dashboardBody })]);
  const { prices, collectors, ...rest } = overrides;
  const tables = prices ?? [await snapshotPrices()];
  return buildCostReport({
    dashboardsRegion: 'us-east-1',
    usage,
    dashboards: [{ name: 'task-service', file: 'dashboards/task-service.ts', metricCount: 1 }],
    alarms: 0,
    rules: await loadRuleSet(),
    assumptions: ['test'],
    ...rest,
    prices: new Map(tables.map((table) => [table.region, table])),
    collectors: (collectors ?? [{ facts: collector, metrics: overrides.metrics ?? histogramMetrics() }]).map((entry) => ({ region: US_EAST_1, ...entry })),
  });
}
