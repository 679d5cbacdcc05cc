/**
 * What every metric-like object (Metric, MathExpression, SearchExpression, MetricsInsightsQuery) offers a widget:
 * its rendering options, and the row it turns into. Pure data types; the classes live in their own files.
 */
import type { Duration } from './duration.js';
import type { ExpressionRowOptions, MetricRowOptions } from '../body/schema.js';

/** Options every row can carry, whatever it is: a metric or an expression. */
export interface CommonMetricOptions {
  /**
   * Legend label. Supports dynamic labels such as `${MAX}` or `${PROP('Dim.InstanceId')}`.
   * @default - CloudWatch's generated label
   */
  readonly label?: string;
  /**
   * Six-digit hex colour, e.g. `#1f77b4`.
   * @default - CloudWatch picks a colour
   */
  readonly color?: string;
  /**
   * Aggregation period: 1, 5, 10 or 30 seconds (high-resolution metrics) or a multiple of 60 seconds.
   * @default - the widget's period (5 minutes unless the widget sets one)
   */
  readonly period?: Duration;
  /**
   * Region to read the metric from, for a widget that shows several regions.
   * @default - the widget's region
   */
  readonly region?: string;
  /**
   * Account to read the metric from (cross-account observability).
   * @default - the widget's account
   */
  readonly accountId?: string;
  /**
   * Id math expressions use to refer to this row: a lower-case letter, then letters, digits or `_`.
   * @default - no id (or the key it has in a math expression's `usingMetrics`)
   */
  readonly id?: string;
  /**
   * Whether the row is drawn; hidden rows still feed math expressions.
   * @default true (math inputs added through `usingMetrics` are hidden)
   */
  readonly visible?: boolean;
  /**
   * The y axis the row is drawn against.
   * @default 'left'
   */
  readonly yAxis?: 'left' | 'right';
}

/** A metric row before the widget assembles it. */
export interface MetricStatConfig {
  readonly kind: 'metric';
  readonly namespace: string;
  readonly metricName: string;
  /** Dimension name → value, in the order the row lists them. */
  readonly dimensions: Readonly<Record<string, string>>;
  readonly options: MetricRowOptions;
}

/** An expression row before the widget assembles it, with the metrics the expression reads by id. */
export interface ExpressionConfig {
  readonly kind: 'expression';
  readonly options: ExpressionRowOptions;
  readonly usingMetrics: Readonly<Record<string, IMetric>>;
}

export type MetricConfig = MetricStatConfig | ExpressionConfig;

/** Anything a metric widget can plot. */
export interface IMetric {
  /** The row this object renders to (and, for math, its inputs). */
  toMetricConfig(): MetricConfig;
}
