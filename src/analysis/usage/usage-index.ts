/**
 * The usage index: every read from dashboards and alarms in one place, answering "who reads this metric?" and "which
 * reads find nothing?". Metric rows are bucketed by namespace + metric name, so looking a metric up costs the rows of
 * its own name plus the (few) SEARCH and Metrics Insights queries, not every row of every dashboard.
 */
import { metricKey, type MetricIdentity } from '../../model/metric-identity.js';
import type { ReadsResult, UsageProblem } from './dashboard-reads.js';
import { readMatches, type MetricRead, type ReadSource } from './metric-read.js';

export interface UsageIndex {
  readonly reads: readonly MetricRead[];
  readonly problems: readonly UsageProblem[];
  /** The reads that find `metric`. */
  readsOf(metric: MetricIdentity): MetricRead[];
  /** The sources that read `metric` (empty when nothing does), deduplicated by kind + name. */
  readersOf(metric: MetricIdentity): ReadSource[];
  /** Reads that match none of `metrics`: a graph or alarm that will stay empty. One pass over the metrics. */
  unmatchedReads(metrics: readonly MetricIdentity[]): MetricRead[];
}

export function buildUsageIndex(results: readonly ReadsResult[]): UsageIndex {
  const reads = results.flatMap((result) => result.reads);
  const problems = results.flatMap((result) => result.problems);
  // Rows with every dimension value written are looked up by identity; rows with a value left open by a variable
  // are scanned among the rows of their metric name; SEARCH and Metrics Insights queries are checked one by one.
  const exact = new Map<string, MetricRead[]>();
  const open = new Map<string, MetricRead[]>();
  const queries: MetricRead[] = [];
  for (const read of reads) {
    if (read.kind !== 'metric') queries.push(read);
    else if (Object.values(read.dimensions).every((value) => value !== null)) {
      push(exact, metricKey({ namespace: read.namespace, metricName: read.metricName, dimensions: read.dimensions as Record<string, string> }), read);
    } else push(open, nameKey(read.namespace, read.metricName), read);
  }
  const prefiltered = queries.map((read) => ({ read, ...requiredNames(read) }));
  const matching = (metric: MetricIdentity) => {
    const found = [...(exact.get(metricKey(metric)) ?? [])];
    for (const read of open.get(nameKey(metric.namespace, metric.metricName)) ?? []) if (readMatches(read, metric)) found.push(read);
    for (const query of prefiltered) {
      if (query.namespace !== undefined && query.namespace !== metric.namespace) continue;
      if (query.metricName !== undefined && query.metricName !== metric.metricName) continue;
      if (readMatches(query.read, metric)) found.push(query.read);
    }
    return found;
  };
  return {
    reads,
    problems,
    readsOf: matching,
    readersOf: (metric) => readSources(matching(metric)),
    unmatchedReads(metrics) {
      const matched = new Set<MetricRead>();
      for (const metric of metrics) for (const read of matching(metric)) matched.add(read);
      return reads.filter((read) => !matched.has(read));
    },
  };
}

/**
 * The namespace and metric name a query can only match, when it says so (a SEARCH schema or exact designator, a
 * Metrics Insights FROM and metric): two string comparisons then skip most queries for most metrics.
 */
function requiredNames(read: MetricRead): { namespace?: string | undefined; metricName?: string | undefined } {
  if (read.kind === 'insights') return { namespace: read.query.namespace, metricName: read.query.metricName };
  if (read.kind !== 'search') return {};
  const { term, schema } = read.query;
  const conjuncts = term.kind === 'and' ? term.terms : [term];
  const exactText = (field: string) => {
    for (const inner of conjuncts) if (inner.kind === 'text' && inner.exact && inner.field === field) return inner.text;
    return undefined;
  };
  return { namespace: schema?.namespace ?? exactText('Namespace'), metricName: exactText('MetricName') };
}

/** The distinct sources (kind + name) of some reads, in first-seen order. */
export function readSources(reads: readonly MetricRead[]): ReadSource[] {
  const seen = new Map<string, ReadSource>();
  for (const read of reads) {
    const key = `${read.source.kind}\u0000${read.source.name}`;
    if (!seen.has(key)) seen.set(key, read.source);
  }
  return [...seen.values()];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function nameKey(namespace: string, metricName: string): string {
  return `${namespace}\u0000${metricName}`;
}
