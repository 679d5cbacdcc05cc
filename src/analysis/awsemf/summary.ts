/** The summary block of a prediction: counts per namespace, metric name and dimension set, and label cardinality. */
import { compareStrings } from '../../shared/json.js';
import type { MetricIdentity } from '../../model/metric-identity.js';
import type { LabelCardinality, MetricsPrediction, NotModelledEntry } from './types.js';

export function summarize(metrics: Iterable<MetricIdentity>, notModelled: readonly NotModelledEntry[]): MetricsPrediction['summary'] {
  const byNamespace = new Map<string, number>();
  const byMetricName = new Map<string, number>();
  const byDimensionSet = new Map<string, number>();
  const labels = new Map<string, { values: Set<string>; metrics: number }>();
  let count = 0;
  for (const metric of metrics) {
    count++;
    byNamespace.set(metric.namespace, (byNamespace.get(metric.namespace) ?? 0) + 1);
    byMetricName.set(metric.metricName, (byMetricName.get(metric.metricName) ?? 0) + 1);
    const names = Object.keys(metric.dimensions);
    const set = `[${names.join(',')}]`;
    byDimensionSet.set(set, (byDimensionSet.get(set) ?? 0) + 1);
    for (const name of names) {
      let entry = labels.get(name);
      if (!entry) {
        entry = { values: new Set(), metrics: 0 };
        labels.set(name, entry);
      }
      entry.values.add(metric.dimensions[name]!);
      entry.metrics++;
    }
  }
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
