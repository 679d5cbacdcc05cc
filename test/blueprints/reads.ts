/** Shared by the blueprint tests: the metrics the bundled examples produce, and what a body reads that none answers. */
import { expect } from 'vitest';
import { analyzeCollector } from '../../src/analysis/awsemf/collector.js';
import { predictContainerInsightsMetrics } from '../../src/analysis/container-insights/predict.js';
import { dashboardReads } from '../../src/analysis/usage/dashboard-reads.js';
import { describeRead, readMatches } from '../../src/analysis/usage/metric-read.js';
import { promqlMatchesSeries, type PromQLSeries } from '../../src/analysis/usage/promql-selector.js';
import { receiverEvents } from '../../src/analysis/container-insights/events.js';
import { parseSearchQuery } from '../../src/analysis/usage/search-expression.js';
import type { DashboardBody } from '../../src/model/body/schema.js';
import type { MetricIdentity } from '../../src/model/metric-identity.js';
import { loadCollectorConfig } from '../../src/sources/collector-config/load.js';
import { loadClusterInventory } from '../../src/sources/cluster-inventory/load.js';

export const root = new URL('../../', import.meta.url).pathname;

/** The task-service sidecar (ADOT v0.17.0, the example's version) and the mz-k8s DaemonSet. */
export async function exampleMetrics(): Promise<MetricIdentity[]> {
  const service = await analyzeCollector({
    configFile: `${root}examples/task-service/otel-config.yaml`,
    scrapeFile: `${root}examples/task-service/metrics.txt`,
    env: {},
    collectorVersion: '0.17.0',
  });
  const cluster = predictContainerInsightsMetrics(
    await loadCollectorConfig(`${root}examples/cluster/otel-config.yaml`, { env: {} }),
    await loadClusterInventory(`${root}examples/cluster/inventory.json`),
  );
  return [...service.metrics, ...cluster];
}

/** What the body reads that no metric answers: `[]` means every graph has data. */
export function unansweredReads(name: string, body: DashboardBody, metrics: readonly MetricIdentity[]): string[] {
  const { reads, problems } = dashboardReads({ name, body });
  expect(problems).toEqual([]);
  expect(reads.length).toBeGreaterThan(0);
  const unanswered = reads.filter((read) => !metrics.some((metric) => readMatches(read, metric))).map(describeRead);
  for (const variable of body.variables ?? []) {
    if (variable.search === undefined) continue;
    const query = parseSearchQuery(variable.search);
    if (!metrics.some((metric) => readMatches({ kind: 'search', query }, metric))) unanswered.push(`variable ${variable.id}: ${variable.search}`);
  }
  return unanswered;
}


/** The PromQL selectors of a body that no OTLP series answers: `[]` means every chart query finds data. */
export function unansweredPromQLReads(name: string, body: DashboardBody, series: readonly PromQLSeries[]): string[] {
  const { reads, problems } = dashboardReads({ name, body });
  expect(problems).toEqual([]);
  const promql = reads.filter((read) => read.kind === 'promql');
  expect(promql.length).toBeGreaterThan(0);
  return promql.filter((read) => !series.some((one) => promqlMatchesSeries(read.selector, one))).map(describeRead);
}

/**
 * The mz-k8s DaemonSet's receiver events as OTLP series: each event's labels are resource attributes of its
 * metrics, `@resource.<label>` in PromQL.
 */
export async function exampleClusterSeries(clusterName: string): Promise<PromQLSeries[]> {
  const inventory = await loadClusterInventory(`${root}examples/cluster/inventory.json`);
  return receiverEvents(inventory, { clusterName }).flatMap((event) => {
    const labels = Object.fromEntries(Object.entries(event.labels).map(([label, value]) => [`@resource.${label}`, value]));
    return event.metrics.map((metric) => ({ metricName: metric.name, labels }));
  });
}

/** The OTLP series the task-service-otlp sidecar sends, as the analyzer predicts them. */
export async function exampleOtlpSeries(): Promise<readonly PromQLSeries[]> {
  const prediction = await analyzeCollector({
    configFile: `${root}examples/task-service-otlp/otel-config.yaml`,
    scrapeFile: `${root}examples/task-service-otlp/metrics.txt`,
    env: {},
  });
  expect(prediction.otlpSeries?.length).toBeGreaterThan(0);
  return prediction.otlpSeries!;
}
