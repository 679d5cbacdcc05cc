/**
 * Container Insights as a metrics source: which CloudWatch custom metrics a cluster produces, from the DaemonSet's
 * collector config (the awsemf exporter fed by `awscontainerinsightreceiver`) and the cluster's inventory. The
 * receiver's events (events.ts) go through the same awsemf rules as every other source (declarations, rollup,
 * namespace), so a changed `metric_declarations` block predicts exactly what it would change.
 */
import { compareMetricIdentities, metricKey } from '../../model/metric-identity.js';
import type { CollectorConfig, ExporterComponent } from '../../sources/collector-config/model.js';
import type { ClusterInventory } from '../../sources/cluster-inventory/model.js';
import { InputError, UsageError } from '../../shared/errors.js';
import { initDeclarations, matchesDeclaration } from '../awsemf/declarations.js';
import { dimensionSetsFor } from '../awsemf/dimension-sets.js';
import { collectorProfile } from '../awsemf/profiles.js';
import { emfNamespace } from '../awsemf/resource.js';
import type { DimensionSetKind, PredictedMetric, PredictedMetricSource } from '../../model/prediction.js';
import { receiverEvents } from './events.js';

export const CONTAINER_INSIGHTS_RECEIVER = 'awscontainerinsightreceiver';

/** The receiver sends `pod_number_of_container_restarts` as a delta: only from its second collection on. */
const FROM_SECOND_COLLECTION = new Set(['pod_number_of_container_restarts']);

export interface ContainerInsightsOptions {
  /**
   * The `ClusterName` dimension value (the cluster name in the nodes' EC2 tags).
   * @default - the name in a literal `log_group_name: /aws/containerinsights/<name>/performance`, else the nodes'
   * `alpha.eksctl.io/cluster-name` label
   */
  readonly clusterName?: string | undefined;
  /**
   * ADOT collector version of the DaemonSet, for the awsemf rules that changed between versions.
   * @default - the newest version cwdash knows
   */
  readonly collectorVersion?: string | undefined;
}

/** A metrics pipeline path from the receiver to an awsemf exporter. */
export interface ContainerInsightsRoute {
  readonly pipeline: string;
  readonly receiver: string;
  readonly exporter: ExporterComponent;
}

/**
 * Every metrics pipeline that runs the receiver into an awsemf exporter contributes; a config without one is an
 * error, since the inventory would then be pointless. Sorted like every prediction: by identity.
 */
export function predictContainerInsightsMetrics(
  config: CollectorConfig,
  inventory: ClusterInventory,
  options: ContainerInsightsOptions = {},
): PredictedMetric[] {
  const profile = collectorProfile(options.collectorVersion);
  const routes = containerInsightsRoutes(config);
  if (routes.length === 0) {
    throw new InputError(`no metrics pipeline sends the ${CONTAINER_INSIGHTS_RECEIVER} receiver to an awsemf exporter`, {
      location: { file: config.file },
      fix: `pass the Container Insights DaemonSet's collector config with --cluster-inventory (a pipeline with receivers: [${CONTAINER_INSIGHTS_RECEIVER}] and exporters: [awsemf])`,
    });
  }
  const found = new Map<string, { metric: PredictedMetric; series: number }>();
  for (const route of routes) {
    const emf = route.exporter.awsemf!;
    const clusterName = options.clusterName ?? clusterNameFromLogGroup(emf.logGroupName) ?? inventory.clusterName ?? unknownClusterName(config, route.exporter);
    const { declarations } = initDeclarations(emf.metricDeclarations, { invalidMatcherIsFatal: profile.invalidMatcherIsFatal });
    for (const event of receiverEvents(inventory, { clusterName })) {
      // The receiver's labels are resource attributes: awsemf sees them only with resource_to_telemetry_conversion.
      const labels = emf.resourceToTelemetryConversion.enabled ? event.labels : {};
      const namespace = emfNamespace(emf.namespace, event.labels);
      for (const { name } of event.metrics) {
        const declared = new Set(declarations.filter((d) => matchesDeclaration(d, name, labels)).flatMap((d) => d.dimensions.map((set) => set.join(','))));
        for (const set of dimensionSetsFor(emf.dimensionRollupOption, labels, name, declarations, profile.honoursEmptyDeclaredSet)) {
          const dimensions = Object.fromEntries(set.map((dimension) => [dimension, labels[dimension]!]));
          const key = metricKey({ namespace, metricName: name, dimensions });
          const entry = found.get(key);
          if (entry) {
            entry.series += 1;
            continue;
          }
          const source: PredictedMetricSource = {
            pipeline: route.pipeline,
            receiver: route.receiver,
            exporter: route.exporter.id,
            series: 1,
            exampleSeries: exampleSeries(name, event.type, dimensions),
            dimensionSet: declared.has(set.join(',')) ? 'declared' : rollupKind(set),
            ...(FROM_SECOND_COLLECTION.has(name) ? { fromSecondScrape: true } : {}),
          };
          found.set(key, { metric: { namespace, metricName: name, dimensions, source }, series: 1 });
        }
      }
    }
  }
  return [...found.values()]
    .map(({ metric, series }) => ({ ...metric, source: { ...metric.source, series } }))
    .sort(compareMetricIdentities);
}

/** The pipelines that run a Container Insights receiver into an awsemf exporter, in config order. */
export function containerInsightsRoutes(config: CollectorConfig): ContainerInsightsRoute[] {
  const routes: ContainerInsightsRoute[] = [];
  for (const pipeline of config.pipelines) {
    if (pipeline.signal !== 'metrics') continue;
    for (const receiver of pipeline.receivers.filter((id) => config.receivers.get(id)?.type === CONTAINER_INSIGHTS_RECEIVER)) {
      for (const id of pipeline.exporters) {
        const exporter = config.exporters.get(id);
        if (exporter?.awsemf) routes.push({ pipeline: pipeline.id, receiver, exporter });
      }
    }
  }
  return routes;
}

/** `pod_cpu_utilization{Type="Pod",ClusterName="mz-k8s",...}`: the event type and the values the metric keeps. */
function exampleSeries(name: string, type: string, dimensions: Readonly<Record<string, string>>): string {
  const pairs = [['Type', type], ...Object.entries(dimensions)].map(([key, value]) => `${key}=${JSON.stringify(value)}`);
  return `${name}{${pairs.join(',')}}`;
}

function rollupKind(set: readonly string[]): DimensionSetKind {
  return set.length === 0 ? 'zero-rollup' : set.length === 1 ? 'single-rollup' : 'full';
}

const LOG_GROUP = /^\/aws\/containerinsights\/([^/{}]+)\/performance$/;

function clusterNameFromLogGroup(logGroupName: string): string | undefined {
  return LOG_GROUP.exec(logGroupName)?.[1];
}

function unknownClusterName(config: CollectorConfig, exporter: ExporterComponent): never {
  throw new UsageError(`cannot tell the cluster's name from ${exporter.id}'s log_group_name "${exporter.awsemf!.logGroupName}" nor from the nodes' labels`, {
    location: { file: config.file, line: exporter.location.line, column: exporter.location.column },
    fix: 'pass --cluster-name NAME, write the name into log_group_name (/aws/containerinsights/<name>/performance, as the helm chart renders it), or label the nodes alpha.eksctl.io/cluster-name=<name>',
  });
}
