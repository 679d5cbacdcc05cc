/**
 * ListMetrics, every page. A metric that has not received data for two weeks drops out of ListMetrics; with
 * `recentlyActive` only those with data in the past three hours (`RecentlyActive=PT3H`) are listed, which is closer to
 * what is billed this hour.
 */
import { ListMetricsCommand, type CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { type MetricIdentity } from '../../model/metric-identity.js';
import { callAws } from '../aws/errors.js';

export interface ListMetricsOptions {
  /** Only this namespace; all namespaces when absent. */
  readonly namespace?: string | undefined;
  readonly recentlyActive?: boolean | undefined;
  /** Called after each page with the number of metrics it held. */
  readonly onPage?: ((metricsOnPage: number) => void) | undefined;
}

export async function listMetrics(client: CloudWatchClient, options: ListMetricsOptions = {}): Promise<MetricIdentity[]> {
  const metrics: MetricIdentity[] = [];
  let nextToken: string | undefined;
  do {
    const page = await callAws('ListMetrics', () =>
      client.send(
        new ListMetricsCommand({
          Namespace: options.namespace,
          RecentlyActive: options.recentlyActive ? 'PT3H' : undefined,
          NextToken: nextToken,
        }),
      ),
    );
    const listed = page.Metrics ?? [];
    for (const metric of listed) {
      const dimensions: Record<string, string> = {};
      for (const dimension of metric.Dimensions ?? []) {
        if (dimension.Name !== undefined) dimensions[dimension.Name] = dimension.Value ?? '';
      }
      metrics.push({ namespace: metric.Namespace ?? '', metricName: metric.MetricName ?? '', dimensions });
    }
    options.onPage?.(listed.length);
    nextToken = page.NextToken;
  } while (nextToken !== undefined);
  return metrics;
}
