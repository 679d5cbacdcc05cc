/**
 * The usage index: every read from dashboards and alarms in one place, answering "who reads this metric?" and "which
 * reads find nothing?". Metric rows are bucketed by namespace + metric name, so looking a metric up costs the rows of
 * its own name plus the (few) SEARCH and Metrics Insights queries, not every row of every dashboard.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';
import type { ReadsResult, UsageProblem } from './dashboard-reads.js';
import { readMatches, type MetricRead, type ReadSource } from './metric-read.js';

export interface UsageIndex {
  readonly reads: readonly MetricRead[];
  readonly problems: readonly UsageProblem[];
  /** The sources that read `metric` (empty when nothing does), deduplicated by kind + name. */
  readersOf(metric: MetricIdentity): ReadSource[];
  /** Reads that match none of `metrics`: a graph or alarm that will stay empty. */
  unmatchedReads(metrics: readonly MetricIdentity[]): MetricRead[];
}

export function buildUsageIndex(results: readonly ReadsResult[]): UsageIndex {
  const reads = results.flatMap((result) => result.reads);
  const problems = results.flatMap((result) => result.problems);
  const byName = new Map<string, MetricRead[]>();
  const queries: MetricRead[] = [];
  for (const read of reads) {
    if (read.kind !== 'metric') {
      queries.push(read);
      continue;
    }
    const key = nameKey(read.namespace, read.metricName);
    const bucket = byName.get(key);
    if (bucket) bucket.push(read);
    else byName.set(key, [read]);
  }
  const matching = (metric: MetricIdentity) => [
    ...(byName.get(nameKey(metric.namespace, metric.metricName)) ?? []).filter((read) => readMatches(read, metric)),
    ...queries.filter((read) => readMatches(read, metric)),
  ];
  return {
    reads,
    problems,
    readersOf(metric) {
      const seen = new Map<string, ReadSource>();
      for (const read of matching(metric)) {
        const key = `${read.source.kind}\u0000${read.source.name}`;
        if (!seen.has(key)) seen.set(key, read.source);
      }
      return [...seen.values()];
    },
    unmatchedReads(metrics) {
      return reads.filter((read) => !metrics.some((metric) => readMatches(read, metric)));
    },
  };
}

function nameKey(namespace: string, metricName: string): string {
  return `${namespace}\u0000${metricName}`;
}
