/**
 * What the account really holds, for the cost linter: its custom metrics (ListMetrics), its dashboards
 * (ListDashboards + GetDashboard) and its alarms (DescribeAlarms). "This metric exists, is billed, and nothing reads
 * it" needs all three. Fetched once per run: a second call with the same client and options reuses the first result.
 */
import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { compareMetricIdentities, metricKey, type MetricIdentity } from '../../model/metric-identity.js';
import { describeAllAlarms, type AccountAlarms } from './alarms.js';
import { getDashboard, listDashboardNames } from './dashboards.js';
import { listMetrics } from './metrics.js';
import { fetchAccountReaders, type AccountReaders } from './readers.js';
import { formatCount, silentProgress, type Progress } from './progress.js';

export type { AccountAlarms } from './alarms.js';
export type { AccountReaders } from './readers.js';

/** Namespaces AWS services publish to for free; everything else is a custom metric. */
const AWS_VENDED_NAMESPACE = /^AWS\//;

export interface AccountInventoryOptions {
  /**
   * The namespaces to list, one ListMetrics pass each (e.g. the awsemf exporter's namespaces). When absent, every
   * namespace is listed and the AWS-vended `AWS/*` ones are left out.
   */
  readonly namespaces?: readonly string[] | undefined;
  /** Only metrics that received data in the past three hours (`--recently-active PT3H`). */
  readonly recentlyActive?: boolean | undefined;
  /** Only dashboards whose name starts with this. */
  readonly dashboardPrefix?: string | undefined;
  /** Where progress goes; silent by default. Not part of the cache key. */
  readonly progress?: Progress | undefined;
}

export interface AccountDashboard {
  readonly name: string;
  /** The body as CloudWatch returned it, parsed but not validated (undefined if it is not JSON). */
  readonly body: unknown;
}

export interface AccountInventory {
  /** Custom metrics, deduplicated and sorted with `compareMetricIdentities`. */
  readonly metrics: readonly MetricIdentity[];
  /** Sorted by name. */
  readonly dashboards: readonly AccountDashboard[];
  readonly alarms: AccountAlarms;
  /** Metric streams and anomaly detectors: they read metrics too. */
  readonly readers: AccountReaders;
}

const cache = new WeakMap<CloudWatchClient, Map<string, Promise<AccountInventory>>>();

export function fetchAccountInventory(client: CloudWatchClient, options: AccountInventoryOptions = {}): Promise<AccountInventory> {
  const namespaces = options.namespaces === undefined ? null : [...new Set(options.namespaces)].sort();
  const key = JSON.stringify([namespaces, options.recentlyActive === true, options.dashboardPrefix ?? '']);
  let perClient = cache.get(client);
  if (!perClient) cache.set(client, (perClient = new Map()));
  let pending = perClient.get(key);
  if (!pending) {
    pending = fetchInventory(client, options);
    perClient.set(key, pending);
    // A failed fetch is not cached: the next call tries again.
    pending.catch(() => perClient.delete(key));
  }
  return pending;
}

async function fetchInventory(client: CloudWatchClient, options: AccountInventoryOptions): Promise<AccountInventory> {
  const progress = options.progress ?? silentProgress;
  const metrics = await fetchCustomMetrics(client, options, progress);
  const dashboards = await fetchDashboards(client, options.dashboardPrefix, progress);
  const alarmTask = progress.start('DescribeAlarms', undefined, 'pages');
  const alarms = await describeAllAlarms(client, () => alarmTask.advance(1));
  alarmTask.done(`${formatCount(alarms.MetricAlarms.length)} metric alarms, ${formatCount(alarms.CompositeAlarms.length)} composite alarms`);
  const readerTask = progress.start('ListMetricStreams, DescribeAnomalyDetectors', undefined, 'pages');
  const readers = await fetchAccountReaders(client);
  readerTask.done(`${formatCount(readers.metricStreams.length)} metric streams, ${formatCount(readers.anomalyDetectors.length)} anomaly detectors`);
  return { metrics, dashboards, alarms, readers };
}

async function fetchCustomMetrics(client: CloudWatchClient, options: AccountInventoryOptions, progress: Progress): Promise<MetricIdentity[]> {
  const passes = options.namespaces === undefined ? [undefined] : [...new Set(options.namespaces)].sort();
  const seen = new Set<string>();
  const metrics: MetricIdentity[] = [];
  for (const namespace of passes) {
    const label = `ListMetrics ${namespace ?? '(all namespaces)'}${options.recentlyActive ? ' (recently active)' : ''}`;
    const task = progress.start(label, undefined, 'pages');
    let listed = 0;
    const page = await listMetrics(client, {
      namespace,
      recentlyActive: options.recentlyActive,
      onPage: (count) => {
        listed += count;
        task.advance(1, `${formatCount(listed)} metrics`);
      },
    });
    task.done(`${formatCount(page.length)} metrics`);
    for (const metric of page) {
      if (namespace === undefined && AWS_VENDED_NAMESPACE.test(metric.namespace)) continue;
      const key = metricKey(metric);
      if (seen.has(key)) continue;
      seen.add(key);
      metrics.push(metric);
    }
  }
  return metrics.sort(compareMetricIdentities);
}

async function fetchDashboards(client: CloudWatchClient, prefix: string | undefined, progress: Progress): Promise<AccountDashboard[]> {
  const names = await listDashboardNames(client, prefix);
  const task = progress.start('GetDashboard', names.length, 'dashboards');
  const dashboards: AccountDashboard[] = [];
  for (const name of names) {
    const remote = await getDashboard(client, name);
    task.advance(1);
    // Deleted between the listing and the read: it is simply not there any more.
    if (remote) dashboards.push({ name, body: remote.body });
  }
  task.done(`${formatCount(dashboards.length)} dashboards`);
  return dashboards;
}
