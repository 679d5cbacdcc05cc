/**
 * What `cwdash metrics` produces: the prediction of a collector config (printed by `--format json`, embedded in the
 * cost report) and the count of already-written EMF events (`--emf`). Types (and the one step from a streamed result
 * to a listed one), shared by the stages that make them (analysis, sources) and those that print them (outputs).
 */
import type { MetricIdentity } from './metric-identity.js';
import type { ContainerInsightsModes } from './container-insights-modes.js';
import type { OtlpPipeline, OtlpSeries, OtlpVolume } from './otlp-prediction.js';

/** How the dimension set of a metric came about: the point's full label set, a rollup, or a declaration. */
export type DimensionSetKind = 'full' | 'zero-rollup' | 'single-rollup' | 'declared' | 'emf';

export interface PredictedMetricSource {
  /** The metrics pipeline, e.g. `metrics` or `metrics/app`. */
  readonly pipeline: string;
  readonly receiver: string;
  readonly exporter: string;
  /** The scrape job (prometheus) or another origin label. */
  readonly job?: string;
  /** How many data points (one per distinct series label set; a histogram's buckets count once) feed the metric. */
  readonly series: number;
  /** One exposition series that produces it, `name{label="value"}`. */
  readonly exampleSeries: string;
  readonly dimensionSet: DimensionSetKind;
  /** Counters (cumulative sums) are delta-converted: nothing is written on the first scrape after a collector start. */
  readonly fromSecondScrape?: boolean;
}

export type PredictedMetric = MetricIdentity & { readonly source: PredictedMetricSource };

export interface PredictionWarning {
  readonly message: string;
  /** `file:line:col` when the warning is about a place in an input. */
  readonly location?: string;
}

export interface NotModelledEntry {
  readonly component: string;
  readonly kind: string;
  readonly reason: string;
  readonly location: string;
}

export interface LabelCardinality {
  /** Dimension name. */
  readonly label: string;
  /** Distinct values it takes. */
  readonly values: number;
  /** Custom metrics that carry it. */
  readonly metrics: number;
}

export interface EmfVolume {
  /** Log events one scrape of every target (all replicas) writes, in steady state (counters included). */
  readonly eventsPerScrape: number;
  /** JSON bytes of those events (what ingestion is billed on). */
  readonly bytesPerScrape: number;
  /** The same plus 26 bytes per event (what PutLogEvents counts; whether billing adds it is unconfirmed). */
  readonly bytesPerScrapeWithOverhead: number;
  readonly eventsPerMonth: number;
  readonly bytesPerMonth: number;
  readonly bytesPerMonthWithOverhead: number;
  readonly logGroups: readonly string[];
}

export interface MetricsPrediction {
  readonly schemaVersion: 1;
  /** The ADOT collector version whose behaviour was predicted. */
  readonly collectorVersion: string;
  /** Which rule chose that version (a flag, the project config, the inventory's image tag, the newest profile). */
  readonly collectorVersionRule?: string;
  readonly profile: { readonly label: string; readonly contribVersion: string };
  readonly configFile: string;
  readonly scrape?: { readonly source: string; readonly format: string; readonly series: number; readonly samples: number; readonly duplicates: number };
  readonly metrics: readonly PredictedMetric[];
  readonly summary: MetricsSummary;
  readonly emf: EmfVolume;
  /** Metrics pipelines exporting to CloudWatch's OTLP endpoint, each with its `otlp` volume and what the endpoint rejects. */
  readonly pipelines?: readonly OtlpPipeline[];
  /** The series those pipelines create, with the labels PromQL sees. */
  readonly otlpSeries?: readonly OtlpSeries[];
  /** `--cluster-inventory`: the cluster's Container Insights in all three modes. */
  readonly containerInsights?: ContainerInsightsModes;
  readonly assumptions: {
    readonly scrapeIntervalSeconds: number;
    readonly scrapeIntervals: Readonly<Record<string, number>>;
    readonly replicas: number;
    /** Whether the replicas multiply the metric count (a per-pod dimension) or collide in the same metrics. */
    readonly replicasMultiplyMetrics: boolean;
    readonly daysPerMonth: number;
    readonly notes: readonly string[];
  };
  readonly warnings: readonly PredictionWarning[];
}

/** Counts per namespace, metric name and dimension set, and which labels multiply the count. */
export interface MetricsSummary {
  readonly customMetrics: number;
  readonly byNamespace: Readonly<Record<string, number>>;
  readonly byMetricName: Readonly<Record<string, number>>;
  readonly byDimensionSet: Readonly<Record<string, number>>;
  readonly labelCardinality: readonly LabelCardinality[];
  readonly notModelled: readonly NotModelledEntry[];
  /** Present when a pipeline exports to CloudWatch's OTLP endpoint: all those pipelines together. */
  readonly otlp?: OtlpVolume;
}

/** `cwdash metrics --emf`: the metrics that EMF events already written create (nothing is predicted). */
export interface EmfEventsCount {
  readonly schemaVersion: 1;
  /** The events file as shown to the user, or `<stdin>`. */
  readonly eventsFile: string;
  /** Each distinct identity once, in identity order; `source.series` counts the events that carry it. */
  readonly metrics: readonly PredictedMetric[];
  readonly summary: MetricsSummary;
  readonly emfLog: EmfLogSummary;
  readonly warnings: readonly PredictionWarning[];
}

/** Either result of `cwdash metrics`; the renderers print both. */
export type MetricsResult = MetricsPrediction | EmfEventsCount;

/** Calls `visit` once per metric: its dimension names (sorted) and their values in the same order. */
export type MetricSource = (visit: (namespace: string, metricName: string, names: readonly string[], values: readonly string[]) => void) => void;

/**
 * A result whose metrics come as a sequence instead of its `metrics` list (left empty): a million predicted metrics
 * are built one at a time as the streamed outputs write them.
 */
export interface StreamedMetrics<R extends MetricsResult = MetricsResult> {
  readonly result: R;
  /** Every metric once, in identity order, each time it is iterated. */
  readonly metrics: Iterable<PredictedMetric>;
  /** The same metrics' names and dimensions, in no order, without building a metric object each (for counting). */
  readonly identities: MetricSource;
}

/** The result with its metrics listed, for the callers that look at them more than once. */
export function listedMetrics<R extends MetricsResult>({ result, metrics }: Pick<StreamedMetrics<R>, 'result' | 'metrics'>): R {
  return { ...result, metrics: Array.isArray(metrics) ? metrics : [...metrics] };
}

export interface EmfLogSummary {
  readonly events: number;
  readonly eventsWithMetrics: number;
  /** Events with no `_aws` directive: stored and billed as logs, no metrics. */
  readonly eventsWithoutDirective: number;
  /** Events CloudWatch would not extract (bad JSON, a dimension without a value, > 100 metrics, ...). */
  readonly invalidEvents: number;
  readonly bytes: number;
}
