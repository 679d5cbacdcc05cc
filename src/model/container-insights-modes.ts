/** Container Insights in its three modes, as `cwdash metrics --cluster-inventory` reports them: types only. */

export type ContainerInsightsMode = 'adot-receiver' | 'cloudwatch-agent';

export interface DetectedMode {
  readonly mode: ContainerInsightsMode;
  /** `namespace/pod` of one pod showing it, and the image. */
  readonly pod: string;
  readonly image: string;
}

export interface EnhancedObservability {
  /** Lower bound of the observations one collection interval makes (the reference's metrics × resources). */
  readonly observationsPerInterval: number;
  readonly observationsPerMonth: number;
  readonly assumptions: readonly string[];
}

export interface OtelContainerInsights {
  readonly series: number;
  readonly dataPointsPerMonth: number;
  readonly bytesPerMonth: number;
  /** Resources whose labels exceed the 150 per data point CloudWatch accepts (their points would be rejected). */
  readonly overLabelled: readonly string[];
  readonly assumptions: readonly string[];
}

export interface ContainerInsightsModes {
  /** Mode A: the custom metrics the ADOT receiver's awsemf pipeline creates (the `metrics` list), 0 without one. */
  readonly adotReceiverCustomMetrics: number;
  readonly detected: readonly DetectedMode[];
  readonly enhancedObservability: EnhancedObservability;
  readonly otelContainerInsights: OtelContainerInsights;
}

