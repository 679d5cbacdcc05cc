/** A metric of a graph's `right` list: the same row, drawn against the right y axis. */
import type { IMetric, MetricConfig } from '../metric-types.js';

export function onRightAxis(metric: IMetric): IMetric {
  return {
    toMetricConfig(): MetricConfig {
      const config = metric.toMetricConfig();
      return { ...config, options: { ...config.options, yAxis: 'right' } } as MetricConfig;
    },
  };
}
