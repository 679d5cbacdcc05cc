/**
 * References to the metrics a prometheus receiver → awsemf collector creates, with exactly the dimensions awsemf gives
 * them for a collector version and `dimension_rollup_option` (docs/sources.md#awsemf): whether every metric carries
 * `OTelLib`, and whether the zero- and single-dimension rollups exist. A graph built from these never names a
 * dimension set CloudWatch does not have, so it never comes up empty.
 */
import { collectorProfile, DEFAULT_COLLECTOR_VERSION } from '../../analysis/awsemf/profiles.js';
import { effectiveRollup, NO_ROLLUP, OTEL_LIB, ZERO_AND_SINGLE } from '../../analysis/awsemf/dimension-sets.js';
import { Duration } from '../../model/dashboard/duration.js';
import { MathExpression } from '../../model/dashboard/math-expression.js';
import { Metric, type MetricOptions } from '../../model/dashboard/metric.js';
import type { IMetric } from '../../model/dashboard/metric-types.js';
import { SearchExpression } from '../../model/dashboard/search-expression.js';

export interface EmfMetricsProps {
  /** The CloudWatch namespace: awsemf's `namespace`, or the scrape job name when it sets none. */
  readonly namespace: string;
  /**
   * ADOT collector version: from v0.29 on, prometheus metrics carry an `OTelLib` dimension.
   * @default - the newest version cwdash knows
   */
  readonly collectorVersion?: string;
  /**
   * The exporter's `dimension_rollup_option`.
   * @default 'ZeroAndSingleDimensionRollup'
   */
  readonly dimensionRollup?: string;
  /** Period of every row and search, in seconds. @default 60 */
  readonly periodSeconds?: number;
}

export class EmfMetrics {
  readonly namespace: string;
  readonly periodSeconds: number;
  /** Dimensions every metric of this collector carries: `{OTelLib: <scope>}` or none. */
  private readonly base: Readonly<Record<string, string>>;
  private readonly rollup: ReturnType<typeof effectiveRollup>;

  constructor(props: EmfMetricsProps) {
    const scope = collectorProfile(props.collectorVersion ?? DEFAULT_COLLECTOR_VERSION).prometheusScope;
    this.namespace = props.namespace;
    this.periodSeconds = props.periodSeconds ?? 60;
    this.base = scope === '' ? {} : { [OTEL_LIB]: scope };
    this.rollup = effectiveRollup(props.dimensionRollup ?? ZERO_AND_SINGLE);
  }

  /** A metric whose series have no labels (process_*, most nodejs_* gauges): the same dimensions under every rollup. */
  unlabelled(metricName: string, options: MetricOptions = {}): Metric {
    return new Metric({ namespace: this.namespace, metricName, period: Duration.seconds(this.periodSeconds), ...options, dimensionsMap: this.base });
  }

  /**
   * All series of a labelled metric as one line: the zero-dimension rollup when the option creates it, otherwise the
   * SUM of a search over the full label set.
   * @param labelNames every label the metric's series carry (its full dimension set without OTelLib)
   */
  total(metricName: string, labelNames: readonly string[], statistic: string, options: MetricOptions = {}): IMetric {
    if (this.rollup === ZERO_AND_SINGLE) return this.unlabelled(metricName, { ...options, statistic });
    const search = this.search(metricName, labelNames, statistic);
    return new MathExpression({ ...options, expression: 'SUM(search)', usingMetrics: { search } });
  }

  /**
   * One line per value of `label`: its single-dimension rollup, or (NoDimensionRollup) one line per full series.
   * @param values only these values of the label
   */
  byLabel(metricName: string, label: string, labelNames: readonly string[], statistic: string, values?: readonly string[]): SearchExpression {
    const names = this.rollup === NO_ROLLUP ? labelNames : [label];
    const filter = values && values.length > 0 ? ` AND (${values.map((value) => `${label}=${quoteValue(value)}`).join(' OR ')})` : '';
    return this.search(metricName, names, statistic, filter);
  }

  private search(metricName: string, labelNames: readonly string[], statistic: string, filter = ''): SearchExpression {
    return new SearchExpression({
      schema: { namespace: this.namespace, dimensions: [...Object.keys(this.base), ...labelNames] },
      searchTerm: `MetricName="${metricName}"${filter}`,
      statistic,
      searchPeriodSeconds: this.periodSeconds,
    });
  }
}

/** Values with anything but letters and digits are searched as exact strings. */
function quoteValue(value: string): string {
  return /^[A-Za-z0-9]+$/.test(value) ? value : `"${value.replace(/(["\\()])/g, '\\$1')}"`;
}
