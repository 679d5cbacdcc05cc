/** The summary block of a prediction: counts per namespace, metric name and dimension set, and label cardinality. */
import { compareStrings } from '../shared/json.js';
import type { MetricIdentity } from './metric-identity.js';
import type { LabelCardinality, MetricSource, MetricsSummary, NotModelledEntry } from './prediction.js';


export function summarizeMetrics(metrics: readonly MetricIdentity[], notModelled: readonly NotModelledEntry[]): MetricsSummary {
  return summarize(identitiesOf(metrics), notModelled);
}

/** A list of identities as a `MetricSource` (dimensions in their key order: sorted, for normalized identities). */
export function identitiesOf(metrics: readonly MetricIdentity[]): MetricSource {
  return (visit) => {
    for (const metric of metrics) {
      const names = Object.keys(metric.dimensions);
      visit(metric.namespace, metric.metricName, names, names.map((name) => metric.dimensions[name]!));
    }
  };
}

export function summarize(source: MetricSource, notModelled: readonly NotModelledEntry[]): MetricsSummary {
  const byNamespace = new Map<string, number>();
  const byMetricName = new Map<string, number>();
  const byDimensionSet = new Map<string, number>();
  const labels = new Map<string, { values: Set<string>; metrics: number }>();
  const setNames = new WeakMap<readonly string[], string>();
  // Per shared array of names, its label entries: identities share their name arrays, so each is looked up once.
  const setLabels = new WeakMap<readonly string[], { values: Set<string>; metrics: number }[]>();
  let count = 0;
  source((namespace, metricName, names, values) => {
    count++;
    byNamespace.set(namespace, (byNamespace.get(namespace) ?? 0) + 1);
    byMetricName.set(metricName, (byMetricName.get(metricName) ?? 0) + 1);
    let set = setNames.get(names);
    if (set === undefined) setNames.set(names, (set = `[${names.join(',')}]`));
    byDimensionSet.set(set, (byDimensionSet.get(set) ?? 0) + 1);
    let entries = setLabels.get(names);
    if (entries === undefined) setLabels.set(names, (entries = names.map((name) => labelEntry(labels, name))));
    for (let index = 0; index < entries.length; index++) {
      entries[index]!.values.add(values[index]!);
      entries[index]!.metrics++;
    }
  });
  const labelCardinality: LabelCardinality[] = [...labels.entries()]
    .map(([label, entry]) => ({ label, values: entry.values.size, metrics: entry.metrics }))
    .sort((a, b) => b.metrics - a.metrics || b.values - a.values || compareStrings(a.label, b.label));
  return {
    customMetrics: count,
    byNamespace: sortedRecord(byNamespace),
    byMetricName: sortedRecord(byMetricName),
    byDimensionSet: sortedRecord(byDimensionSet),
    labelCardinality,
    notModelled,
  };
}

function labelEntry(labels: Map<string, { values: Set<string>; metrics: number }>, name: string): { values: Set<string>; metrics: number } {
  let entry = labels.get(name);
  if (!entry) labels.set(name, (entry = { values: new Set(), metrics: 0 }));
  return entry;
}

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort((a, b) => compareStrings(a[0], b[0])));
}
