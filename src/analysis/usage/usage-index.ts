/**
 * The usage index: every read from every source in one place, answering "who reads this metric?" and "which reads
 * find nothing?". Reads of one written identity are looked up by key; reads that pin namespace and metric name are
 * bucketed by them; the rest (SEARCH, Metrics Insights, streams, templated names) are checked one by one after two
 * string comparisons, so a lookup costs the reads of its own name plus the few open queries.
 */
import { metricKey, type MetricIdentity } from '../../model/metric-identity.js';
import { readMatches, type MetricRead, type ReadsResult, type ReadSource, type UsageProblem } from './metric-read.js';
import { promqlMatchesSeries, type PromQLSeries } from './promql-selector.js';

export interface UsageScope {
  /** The region the metrics are in: a read of another region does not read them. */
  readonly region?: string | undefined;
  /** The account the metrics are in, when known: a read of another account does not read them. */
  readonly account?: string | undefined;
}

export interface UsageIndex {
  readonly reads: readonly MetricRead[];
  readonly problems: readonly UsageProblem[];
  /** The reads that find `metric`. */
  readsOf(metric: MetricIdentity): MetricRead[];
  /** The sources that read `metric` (empty when nothing does), one per kind, name, file and principal. */
  readersOf(metric: MetricIdentity): ReadSource[];
  /** Classic reads that match none of `metrics`: a graph or alarm that will stay empty. One pass over the metrics. */
  unmatchedReads(metrics: readonly MetricIdentity[]): MetricRead[];
  /** The PromQL reads that find an OTLP `series` (chart widgets, PromQL alarms, Grafana PromQL). */
  readsOfSeries(series: PromQLSeries): MetricRead[];
  /** The sources that read an OTLP `series`. */
  readersOfSeries(series: PromQLSeries): ReadSource[];
}

export function buildUsageIndex(results: readonly ReadsResult[], scope: UsageScope = {}): UsageIndex {
  const reads = results.flatMap((result) => result.reads);
  const problems = results.flatMap((result) => result.problems);
  const exact = new Map<string, MetricRead[]>();
  // The names exact reads pin: a metric of another name skips building its full key.
  const exactNames = new Set<string>();
  const named = new Map<string, MetricRead[]>();
  const open: { read: MetricRead; namespace?: string | undefined; metricName?: string | undefined }[] = [];
  // PromQL reads select OTLP series by name (or, rarely, by a pattern on the name): bucketed by it.
  const promqlByName = new Map<string, MetricRead[]>();
  const promqlOpen: MetricRead[] = [];
  for (const read of reads) {
    if (!inScope(read, scope)) continue;
    if (read.kind === 'promql') {
      if (read.selector.metricName === undefined) promqlOpen.push(read);
      else push(promqlByName, read.selector.metricName, read);
      continue;
    }
    const single = singleIdentity(read);
    if (single) {
      push(exact, metricKey(single), read);
      exactNames.add(nameKey(single.namespace, single.metricName));
    }
    else if (read.kind === 'metric' && read.namespace !== null && read.metricName !== null) push(named, nameKey(read.namespace, read.metricName), read);
    else open.push({ read, ...pinnedNames(read) });
  }
  const matching = (metric: MetricIdentity) => {
    const names = nameKey(metric.namespace, metric.metricName);
    const found = exactNames.has(names) ? [...(exact.get(metricKey(metric)) ?? [])] : [];
    for (const read of named.get(names) ?? []) if (readMatches(read, metric)) found.push(read);
    for (const query of open) {
      if (query.namespace !== undefined && query.namespace !== metric.namespace) continue;
      if (query.metricName !== undefined && query.metricName !== metric.metricName) continue;
      if (readMatches(query.read, metric)) found.push(query.read);
    }
    return found;
  };
  const seriesMatching = (series: PromQLSeries) =>
    [...(promqlByName.get(series.metricName) ?? []), ...promqlOpen].filter((read) => read.kind === 'promql' && promqlMatchesSeries(read.selector, series));
  return {
    reads,
    problems,
    readsOfSeries: seriesMatching,
    readersOfSeries: (series) => readSources(seriesMatching(series)),
    readsOf: matching,
    readersOf: (metric) => readSources(matching(metric)),
    unmatchedReads(metrics) {
      const matched = new Set<MetricRead>();
      for (const metric of metrics) for (const read of matching(metric)) matched.add(read);
      return reads.filter((read) => read.kind !== 'promql' && !matched.has(read));
    },
  };
}

/** A read of another region or account than the metrics' does not read them; an unknown region reads any. */
function inScope(read: MetricRead, scope: UsageScope): boolean {
  if (scope.region !== undefined && read.region !== undefined && read.region !== scope.region) return false;
  return scope.account === undefined || read.account === undefined || read.account === scope.account;
}

/** The one identity an exact metric stat read names, when every dimension has a single written value. */
function singleIdentity(read: MetricRead): MetricIdentity | undefined {
  if (read.kind !== 'metric' || !read.exact || read.namespace === null || read.metricName === null) return undefined;
  const dimensions: Record<string, string> = {};
  for (const [name, values] of Object.entries(read.dimensions)) {
    if (values === null || values.length !== 1) return undefined;
    dimensions[name] = values[0]!;
  }
  return { namespace: read.namespace, metricName: read.metricName, dimensions };
}

/**
 * The namespace and metric name a query can only match, when it says so (a SEARCH schema or exact designator, a
 * Metrics Insights FROM and metric): two string comparisons then skip most queries for most metrics.
 */
export function pinnedNames(read: MetricRead): { namespace?: string | undefined; metricName?: string | undefined } {
  switch (read.kind) {
    case 'metric':
      return { namespace: read.namespace ?? undefined, metricName: read.metricName ?? undefined };
    case 'insights':
      return { namespace: read.query.namespace, metricName: read.query.metricName };
    case 'promql':
      return { metricName: read.selector.metricName };
    case 'stream':
      return {};
    case 'search': {
      const { term, schema } = read.query;
      const conjuncts = term.kind === 'and' ? term.terms : [term];
      const exactText = (field: string) => {
        for (const inner of conjuncts) if (inner.kind === 'text' && inner.exact && inner.field === field) return inner.text;
        return undefined;
      };
      return { namespace: schema?.namespace ?? exactText('Namespace'), metricName: exactText('MetricName') };
    }
  }
}

/** The distinct sources (kind, name, file, principal) of some reads, in first-seen order; the latest lastSeen wins. */
export function readSources(reads: readonly MetricRead[]): ReadSource[] {
  if (reads.length === 0) return [];
  const seen = new Map<string, ReadSource>();
  for (const read of reads) {
    const { kind, name, file, principal } = read.source;
    const key = [kind, name, file ?? '', principal ?? ''].join('\u0000');
    const before = seen.get(key);
    if (!before) seen.set(key, read.source);
    else if ((read.source.lastSeen ?? '') > (before.lastSeen ?? '')) seen.set(key, { ...before, lastSeen: read.source.lastSeen });
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
