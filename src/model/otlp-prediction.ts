/** What `cwdash metrics` predicts for CloudWatch's OpenTelemetry path (OTLP ingestion, PromQL queries): types only. */

/** The `otlp` object of the output contract: one per pipeline and one in `summary` (bytes are whole numbers). */
export interface OtlpVolume {
  /** Distinct series (metric name + PromQL labels) CloudWatch stores. */
  readonly series: number;
  /** Data points one scrape of every target (all replicas) sends. */
  readonly dataPointsPerScrape: number;
  /** Data points per month (730 hours). */
  readonly dataPointsPerMonth: number;
  /** Billed bytes of those points (serialized size of name, labels, resource attributes, timestamp and value). */
  readonly bytesPerScrape: number;
  readonly bytesPerMonth: number;
  readonly assumptions: readonly string[];
}

/** A series as PromQL sees it in CloudWatch: datapoint attributes bare, `@resource.<attr>`, `@instrumentation.@name`. */
export interface OtlpSeries {
  readonly pipeline: string;
  readonly metricName: string;
  /** The `__type__` CloudWatch reports: `Gauge`, `Sum`, `Histogram`, `Summary`. */
  readonly type: 'Gauge' | 'Sum' | 'Histogram' | 'Summary';
  /** `__temporality__` for sums and histograms (the prometheus receiver writes cumulative); absent for gauges. */
  readonly temporality?: 'cumulative';
  readonly labels: Readonly<Record<string, string>>;
  /** Billed bytes of one data point of this series. */
  readonly bytesPerPoint: number;
  /** Data points per scrape (replicas that send the same labels add points to the same series). */
  readonly dataPointsPerScrape: number;
  /** Labels counted against the endpoint's 150 per point: resource + scope + datapoint attributes. */
  readonly labelCount: number;
}

export type OtlpCheck =
  | 'grpc-exporter' | 'missing-auth' | 'missing-auth-extension' | 'auth-extension-not-started' | 'sigv4-service'
  | 'sigv4-region' | 'compression' | 'endpoint-path' | 'labels-per-point' | 'label-bytes' | 'points-per-request'
  | 'request-size';

/** Something CloudWatch's OTLP endpoint rejects (error) or may reject (warning), with the config change that fixes it. */
export interface OtlpFinding {
  readonly check: OtlpCheck;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  /** `file:line:col`. */
  readonly location: string;
  readonly fix: string;
}

export interface OtlpExporterTarget {
  readonly exporter: string;
  /** The URL data points are posted to. */
  readonly url: string;
  readonly region?: string;
  /** The `auth.authenticator`, `''` when none. */
  readonly authenticator: string;
}

export interface OtlpPipeline {
  readonly pipeline: string;
  readonly exporters: readonly OtlpExporterTarget[];
  readonly otlp: OtlpVolume;
  readonly findings: readonly OtlpFinding[];
}

/** An awsemf pipeline's data as if exported over OTLP: its volume, and the OTLP type of each metric name. */
export interface OtlpEquivalent {
  readonly volume: OtlpVolume;
  readonly metricTypes: Readonly<Record<string, OtlpSeries['type']>>;
}

export interface OtlpPrediction {
  readonly pipelines: readonly OtlpPipeline[];
  readonly series: readonly OtlpSeries[];
  readonly summary: OtlpVolume;
}
