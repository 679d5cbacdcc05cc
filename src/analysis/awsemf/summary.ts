/** The summary block of a prediction: counts per namespace, metric name and dimension set, and label cardinality. */
import { compareStrings } from '../../shared/json.js';
import type { MetricIdentity } from '../../model/metric-identity.js';
import type { LabelCardinality, MetricsPrediction, NotModelledEntry } from './types.js';

/** Calls `visit` once per metric: its dimension names (sorted) and their values in the same order. */
export type MetricSource = (visit: (namespace: string, metricName: string, names: readonly string[], values: readonly string[]) => void) => void;

export function summarizeMetrics(metrics: readonly MetricIdentity[], notModelled: readonly NotModelledEntry[]): MetricsPrediction['summary'] {
  return summarize((visit) => {
    for (const metric of metrics) {
      const names = Object.keys(metric.dimensions);
      visit(metric.namespace, metric.metricName, names, names.map((name) => metric.dimensions[name]!));
    }
  }, notModelled);
}

export function summarize(source: MetricSource, notModelled: readonly NotModelledEntry[]): MetricsPrediction['summary'] {
  const byNamespace = new Map<string, number>();
  const byMetricName = new Map<string, number>();
  const byDimensionSet = new Map<string, number>();
  const labels = new Map<string, { values: Set<string>; metrics: number }>();
  const setNames = new WeakMap<readonly string[], string>();
  let count = 0;
  source((namespace, metricName, names, values) => {
    count++;
    byNamespace.set(namespace, (byNamespace.get(namespace) ?? 0) + 1);
    byMetricName.set(metricName, (byMetricName.get(metricName) ?? 0) + 1);
    let set = setNames.get(names);
    if (set === undefined) setNames.set(names, (set = `[${names.join(',')}]`));
    byDimensionSet.set(set, (byDimensionSet.get(set) ?? 0) + 1);
    for (const [index, name] of names.entries()) {
      let entry = labels.get(name);
      if (!entry) {
        entry = { values: new Set(), metrics: 0 };
        labels.set(name, entry);
      }
      entry.values.add(values[index]!);
      entry.metrics++;
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

function sortedRecord(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts.entries()].sort((a, b) => compareStrings(a[0], b[0])));
}
