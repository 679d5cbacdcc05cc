/**
 * Container Insights metrics at the levels the DaemonSet's default declarations publish them (docs/sources.md#container-insights): cluster `[ClusterName]`, node `[ClusterName, InstanceId, NodeName]`, namespace `[ClusterName, Namespace]`,
 * service `[ClusterName, Namespace, Service]` and workload `[ClusterName, Namespace, PodName]`. Per-node and
 * per-service lines are SEARCHes: a dashboard does not know the instance ids or which services have ready pods.
 */
import { Duration } from '../../model/dashboard/duration.js';
import { Metric, type MetricOptions } from '../../model/dashboard/metric.js';
import { SearchExpression } from '../../model/dashboard/search-expression.js';

/** Options of one line; the statistic defaults to Average. */
export type LineOptions = Omit<MetricOptions, 'dimensionsMap'>;

export class ClusterMetrics {
  constructor(
    readonly namespace: string,
    readonly cluster: string,
    readonly periodSeconds = 60,
  ) {}

  /** The cluster-wide aggregate: `[ClusterName]`. */
  clusterWide(metricName: string, options: LineOptions = {}): Metric {
    return this.metric(metricName, {}, options);
  }

  /** `[ClusterName, Namespace]`; the namespace variable replaces the value at view time. */
  inNamespace(metricName: string, namespace: string, options: LineOptions = {}): Metric {
    return this.metric(metricName, { Namespace: namespace }, options);
  }

  /** `[ClusterName, Namespace, PodName]`; both variables replace their values at view time. */
  workload(metricName: string, namespace: string, podName: string, options: LineOptions = {}): Metric {
    return this.metric(metricName, { Namespace: namespace, PodName: podName }, options);
  }

  /** One line per node. */
  perNode(metricName: string, statistic: string, options: LineOptions = {}): SearchExpression {
    return this.search(metricName, ['InstanceId', 'NodeName'], statistic, { label: "${PROP('Dim.NodeName')}", ...options });
  }

  /**
   * One line per service with ready pods, in every namespace (dashboard variables change metric rows, not the text
   * of a SEARCH, so these lines do not follow the namespace variable).
   */
  perService(metricName: string, statistic: string, options: LineOptions = {}): SearchExpression {
    return this.search(metricName, ['Namespace', 'Service'], statistic, { label: "${PROP('Dim.Namespace')}/${PROP('Dim.Service')}", ...options });
  }

  /** The search a dashboard variable fills its choices from. */
  variableSearch(metricName: string, dimensions: readonly string[]): string {
    return `{${this.namespace},ClusterName,${dimensions.join(',')}} MetricName="${metricName}" ClusterName="${this.cluster}"`;
  }

  private metric(metricName: string, dimensions: Readonly<Record<string, string>>, options: LineOptions): Metric {
    return new Metric({
      namespace: this.namespace,
      metricName,
      period: Duration.seconds(this.periodSeconds),
      ...options,
      dimensionsMap: { ClusterName: this.cluster, ...dimensions },
    });
  }

  private search(metricName: string, dimensions: readonly string[], statistic: string, options: LineOptions): SearchExpression {
    return new SearchExpression({
      schema: { namespace: this.namespace, dimensions: ['ClusterName', ...dimensions] },
      searchTerm: `MetricName="${metricName}" ClusterName="${this.cluster}"`,
      statistic,
      searchPeriodSeconds: this.periodSeconds,
      ...(options.label === undefined ? {} : { label: options.label }),
      ...(options.yAxis === undefined ? {} : { yAxis: options.yAxis }),
    });
  }
}
