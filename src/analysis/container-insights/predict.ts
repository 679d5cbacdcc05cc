/**
 * Container Insights as a metrics source: which CloudWatch custom metrics a cluster produces, from the DaemonSet's
 * collector config (the awsemf exporter fed by `awscontainerinsightreceiver`) and the cluster's inventory. The
 * receiver's events (events.ts) go through the same awsemf rules as every other source (declarations, rollup,
 * namespace), so a changed `metric_declarations` block predicts exactly what it would change.
 */
import { compareMetricIdentities, metricKey, type MetricIdentity } from '../../model/metric-identity.js';
import type { CollectorConfig, ExporterComponent } from '../../sources/collector-config/model.js';
import type { ClusterInventory } from '../../sources/cluster-inventory/model.js';
import { InputError, UsageError } from '../../shared/errors.js';
import { initDeclarations } from '../awsemf/declarations.js';
import { dimensionSetsFor } from '../awsemf/dimension-sets.js';
import { collectorProfile } from '../awsemf/profiles.js';
import { emfNamespace } from '../awsemf/resource.js';
import { receiverEvents } from './events.js';
import type { EventType } from './receiver-metrics.js';

export const CONTAINER_INSIGHTS_RECEIVER = 'awscontainerinsightreceiver';

export interface ContainerInsightsOptions {
  /**
   * The `ClusterName` dimension value (the cluster name in the nodes' EC2 tags).
   * @default - the name in a literal `log_group_name: /aws/containerinsights/<name>/performance`
   */
  readonly clusterName?: string | undefined;
  /**
   * ADOT collector version of the DaemonSet, for the awsemf rules that changed between versions.
   * @default - the newest version cwdash knows
   */
  readonly collectorVersion?: string | undefined;
}

/** One CloudWatch metric the cluster produces, and where it comes from. */
export interface ContainerInsightsMetric extends MetricIdentity {
  /** The EMF unit; `''` when the receiver sends none (millicore CPU metrics). */
  readonly unit: string;
  /** The receiver event type the metric is extracted from (`Node`, `Pod`, `ClusterService`, ...). */
  readonly eventType: EventType;
  /** The awsemf exporter (`awsemf`, `awsemf/ci`) that creates it. */
  readonly exporter: string;
}

/**
 * Every metrics pipeline that runs the receiver into an awsemf exporter contributes; a config without one is an
 * error, since the inventory would then be pointless.
 */
export function predictContainerInsightsMetrics(
  config: CollectorConfig,
  inventory: ClusterInventory,
  options: ContainerInsightsOptions = {},
): ContainerInsightsMetric[] {
  const profile = collectorProfile(options.collectorVersion);
  const exporters = containerInsightsExporters(config);
  if (exporters.length === 0) {
    throw new InputError(`no metrics pipeline sends the ${CONTAINER_INSIGHTS_RECEIVER} receiver to an awsemf exporter`, {
      location: { file: config.file },
      fix: `pass the Container Insights DaemonSet's collector config with --cluster-inventory (a pipeline with receivers: [${CONTAINER_INSIGHTS_RECEIVER}] and exporters: [awsemf])`,
    });
  }
  const found = new Map<string, ContainerInsightsMetric>();
  for (const exporter of exporters) {
    const emf = exporter.awsemf!;
    const clusterName = options.clusterName ?? clusterNameFromLogGroup(emf.logGroupName, config, exporter);
    const { declarations } = initDeclarations(emf.metricDeclarations, { invalidMatcherIsFatal: profile.invalidMatcherIsFatal });
    for (const event of receiverEvents(inventory, { clusterName })) {
      // The receiver's labels are resource attributes: awsemf sees them only with resource_to_telemetry_conversion.
      const labels = emf.resourceToTelemetryConversion.enabled ? event.labels : {};
      const namespace = emfNamespace(emf.namespace, event.labels);
      for (const metric of event.metrics) {
        for (const set of dimensionSetsFor(emf.dimensionRollupOption, labels, metric.name, declarations, profile.honoursEmptyDeclaredSet)) {
          const dimensions = Object.fromEntries(set.map((name) => [name, labels[name]!]));
          const predicted = { namespace, metricName: metric.name, dimensions, unit: metric.unit, eventType: event.type, exporter: exporter.id };
          const key = metricKey(predicted);
          if (!found.has(key)) found.set(key, predicted);
        }
      }
    }
  }
  return [...found.values()].sort(compareMetricIdentities);
}

/** The awsemf exporters of the metrics pipelines that have a Container Insights receiver, in pipeline order. */
export function containerInsightsExporters(config: CollectorConfig): ExporterComponent[] {
  const result: ExporterComponent[] = [];
  for (const pipeline of config.pipelines) {
    if (pipeline.signal !== 'metrics') continue;
    if (!pipeline.receivers.some((id) => config.receivers.get(id)?.type === CONTAINER_INSIGHTS_RECEIVER)) continue;
    for (const id of pipeline.exporters) {
      const exporter = config.exporters.get(id);
      if (exporter?.awsemf && !result.includes(exporter)) result.push(exporter);
    }
  }
  return result;
}

const LOG_GROUP = /^\/aws\/containerinsights\/([^/{}]+)\/performance$/;

function clusterNameFromLogGroup(logGroupName: string, config: CollectorConfig, exporter: ExporterComponent): string {
  const match = LOG_GROUP.exec(logGroupName);
  if (match) return match[1]!;
  throw new UsageError(`cannot tell the cluster's name from ${exporter.id}'s log_group_name "${logGroupName}"`, {
    location: { file: config.file, line: exporter.location.line, column: exporter.location.column },
    fix: 'pass --cluster-name NAME (the ClusterName dimension: the cluster name in the nodes\' EC2 tags)',
  });
}
