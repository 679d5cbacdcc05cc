/**
 * The CloudWatch metric identities awsemf creates for a data point, collected into the prediction's store, and turned
 * into the output's `PredictedMetric` at the end.
 */
import { seriesText } from '../../sources/exposition/scrape.js';
import { OTEL_LIB } from './dimension-sets.js';
import type { EmfExportContext } from './export-context.js';
import type { IdentityStore } from './identity-store.js';
import { SCRAPE_LOOP_GAUGES, type OtelPoint } from './prometheus-to-otel.js';
import type { DimensionSetKind, PredictedMetric, PredictedMetricSource } from '../../model/prediction.js';

/**
 * A metric identity being collected, kept small because a large scrape makes a million of them: the dimension
 * object and the source are built only when the prediction is rendered (`toPredictedMetric`).
 */
export interface MetricAccumulator {
  /** Sorted dimension names (shared between identities), and their values in the same order. */
  readonly set: readonly string[];
  readonly values: readonly string[];
  readonly kind: DimensionSetKind;
  readonly seriesKey: string;
  readonly fromSecondScrape: boolean;
  /** Where it comes from: one object per export, shared by its identities. */
  readonly origin: { readonly context: EmfExportContext; readonly job: string };
  series: number;
}

export function toPredictedMetric(namespace: string, metricName: string, metric: MetricAccumulator): PredictedMetric {
  const dimensions: Record<string, string> = {};
  metric.set.forEach((name, index) => (dimensions[name] = metric.values[index]!));
  const source: PredictedMetricSource = {
    pipeline: metric.origin.context.pipeline,
    receiver: metric.origin.context.receiver,
    exporter: metric.origin.context.exporter,
    job: metric.origin.job,
    series: metric.series,
    exampleSeries: metric.seriesKey.includes('\u0000') || !SCRAPE_LOOP_GAUGES.includes(metric.seriesKey as never) ? seriesText(metric.seriesKey) : `${metric.seriesKey} (scrape loop)`,
    dimensionSet: metric.kind,
    ...(metric.fromSecondScrape ? { fromSecondScrape: true } : {}),
  };
  return { namespace, metricName, dimensions, source };
}

export function addIdentities(
  metrics: IdentityStore<MetricAccumulator>,
  namespace: string,
  metricName: string,
  labels: Readonly<Record<string, string>>,
  sets: readonly (readonly string[])[],
  point: OtelPoint,
  context: EmfExportContext,
  origin: MetricAccumulator['origin'],
): void {
  const byMetric = metrics.metric(namespace, metricName);
  const shared: NewEntry = { metrics, labels, fullSize: Object.keys(labels).length, declared: context.declaredSets, point, origin };
  for (const set of sets) metrics.get(byMetric, set, labels, newEntry, shared).series++;
}

/** What a new identity of one point is made from: built once per point, not once per dimension set. */
interface NewEntry {
  readonly metrics: IdentityStore<MetricAccumulator>;
  readonly labels: Readonly<Record<string, string>>;
  readonly fullSize: number;
  readonly declared: ReadonlySet<string>;
  readonly point: OtelPoint;
  readonly origin: MetricAccumulator['origin'];
}

function newEntry(set: readonly string[], { metrics, labels, fullSize, declared, point, origin }: NewEntry): MetricAccumulator {
  return {
    set,
    values: set.map((name) => metrics.intern(labels[name]!)),
    kind: kindOf(set, fullSize, labels, declared.size > 0 && declared.has(set.join(','))),
    seriesKey: point.seriesKey,
    fromSecondScrape: point.cumulative,
    origin,
    series: 0,
  };
}

function kindOf(set: readonly string[], fullSize: number, labels: Readonly<Record<string, string>>, declared: boolean): DimensionSetKind {
  if (declared) return 'declared';
  if (set.length === fullSize) return 'full';
  const own = set.filter((name) => name !== OTEL_LIB).length;
  if (own === 0) return 'zero-rollup';
  return own === 1 && Object.hasOwn(labels, set.find((name) => name !== OTEL_LIB)!) ? 'single-rollup' : 'full';
}

