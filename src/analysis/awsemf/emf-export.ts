/**
 * The awsemf exporter for one export call (one scrape of one target): data points → label maps → namespace →
 * dimension sets → CloudWatch metric identities, and the EMF log events with their exact byte sizes.
 */
import type { AwsEmfConfig } from '../../sources/collector-config/model.js';
import { byteOrder, type ValidDeclaration } from './declarations.js';
import { emfLabels, summaryDataPoints } from './data-points.js';
import { dimensionSetsFor, OTEL_LIB } from './dimension-sets.js';
import { emfEventLength, numberLength, statisticSetLength, type EmfDirective } from './emf-size.js';
import type { CollectorProfile } from './profiles.js';
import type { OtelPoint, TargetMetrics } from './prometheus-to-otel.js';
import { emfLogGroup, emfNamespace } from './resource.js';
import type { DimensionSetKind, PredictedMetricSource } from './types.js';

export interface EmfExportContext {
  readonly config: AwsEmfConfig;
  readonly profile: CollectorProfile;
  readonly declarations: readonly ValidDeclaration[];
  readonly pipeline: string;
  readonly receiver: string;
  readonly exporter: string;
}

/** A metric identity being collected: dimensions in sorted-name order. */
export interface MetricAccumulator {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Record<string, string>;
  source: PredictedMetricSource;
}

export interface ExportStats {
  events: number;
  bytes: number;
  readonly logGroups: Set<string>;
  /** Groups whose directive would exceed CloudWatch's 100 metrics (whole event not extracted). */
  readonly oversizedGroups: string[];
  /** Full dimension sets with more than 30 names (CloudWatch rejects them). */
  readonly overwideSets: string[];
  readonly droppedNaN: string[];
}

export function newExportStats(): ExportStats {
  return { events: 0, bytes: 0, logGroups: new Set(), oversizedGroups: [], overwideSets: [], droppedNaN: [] };
}

const SERVICE_ATTRIBUTES = new Set(['service.name', 'service.instance.id', 'service.namespace']);
const STORAGE_RESOLUTION = 'aws.emf.storage_resolution';
const MAX_METRICS_PER_DIRECTIVE = 100;
const MAX_DIMENSIONS_PER_SET = 30;

interface Group {
  readonly namespace: string;
  readonly labels: Record<string, string>;
  readonly values: Map<string, number>;
  readonly definitions: Map<string, { unit: string; sets: string[][] }>;
}

/** Adds the target's metrics to `metrics` (keyed by identity) and its events to `stats`. */
export function exportToEmf(target: TargetMetrics, context: EmfExportContext, metrics: Map<string, MetricAccumulator>, stats: ExportStats): void {
  const { config, profile } = context;
  const namespace = emfNamespace(config.namespace, target.resource);
  stats.logGroups.add(emfLogGroup(config.logGroupName, namespace, target.resource));
  const resourceLabels = config.resourceToTelemetryConversion.enabled ? resourceAsLabels(target.resource, config, profile) : undefined;
  const groups = new Map<string, Group>();
  for (const point of target.points) {
    if (Number.isNaN(point.value) || !Number.isFinite(point.value)) {
      const drops = Number.isNaN(point.value) ? profile.dropsNaN : profile.dropsInf;
      if (point.type === 'gauge' || point.type === 'sum') {
        stats.droppedNaN.push(point.exampleSeries);
        if (drops) continue;
      }
    }
    const attributes = resourceLabels ? { ...point.attributes, ...resourceLabels } : point.attributes;
    const labels = emfLabels(attributes, target.scope);
    const detailed = point.type === 'summary' && config.detailedMetrics && profile.supportsDetailedMetrics;
    const quantiles = [...point.quantiles.keys()].sort((a, b) => a - b);
    const named = point.type === 'summary' ? summaryDataPoints(point.name, labels, quantiles, detailed) : [{ name: point.name, labels }];
    for (const [index, { name, labels: pointLabels }] of named.entries()) {
      const dimensionLabels = Object.hasOwn(pointLabels, STORAGE_RESOLUTION) ? withoutKey(pointLabels, STORAGE_RESOLUTION) : pointLabels;
      const sets = dimensionSetsFor(config.dimensionRollupOption, dimensionLabels, name, context.declarations, profile.honoursEmptyDeclaredSet);
      if (sets.some((set) => set.length > MAX_DIMENSIONS_PER_SET)) stats.overwideSets.push(point.exampleSeries);
      const directivesOff = profile.supportsVersionOption && config.version !== '0' && config.version !== '1';
      if (!directivesOff) addIdentities(metrics, namespace, name, dimensionLabels, sets, point, context, target.job);
      const group = groupFor(groups, namespace, pointLabels, profile.groupByMetricType ? point.type : '');
      group.values.set(name, valueLength(point, detailed ? index : -1, quantiles));
      if (sets.length > 0 && !directivesOff) group.definitions.set(name, { unit: unitFor(point, profile), sets });
    }
  }
  for (const group of groups.values()) {
    const directives = directivesOf(group);
    const metricCount = directives.reduce((total, directive) => total + directive.metrics.length, 0);
    if (metricCount > MAX_METRICS_PER_DIRECTIVE) stats.oversizedGroups.push(`${group.namespace} {${Object.keys(group.labels).sort(byteOrder).join(',')}}: ${metricCount} metrics`);
    stats.events++;
    stats.bytes += emfEventLength({
      namespace: group.namespace,
      labels: group.labels,
      values: group.values,
      directives,
      definitionForm: profile.definitionForm,
      versionField: profile.versionField && config.version !== '0',
      ...(target.resource.receiver === 'prometheus' ? { extraFields: { prom_metric_type: 'gauge' } } : {}),
    }) + (profile.supportsVersionOption && config.version === '0' ? 7 : 0); // v0 is 7 bytes shorter than v1, not 14
  }
}

function resourceAsLabels(resource: Readonly<Record<string, string>>, config: AwsEmfConfig, profile: CollectorProfile): Record<string, string> {
  const exclude = config.resourceToTelemetryConversion.excludeServiceAttributes && profile.label !== 'OLD';
  return Object.fromEntries(Object.entries(resource).filter(([name]) => !(exclude && SERVICE_ATTRIBUTES.has(name))));
}

function withoutKey(labels: Readonly<Record<string, string>>, key: string): Record<string, string> {
  const copy = { ...labels };
  delete copy[key];
  return copy;
}

function groupFor(groups: Map<string, Group>, namespace: string, labels: Readonly<Record<string, string>>, type: string): Group {
  const names = Object.keys(labels).sort(byteOrder);
  let key = `${namespace}\u0000${type}`;
  for (const name of names) key += `\u0000${name}\u0000${labels[name]}`;
  let group = groups.get(key);
  if (!group) {
    group = { namespace, labels: { ...labels }, values: new Map(), definitions: new Map() };
    groups.set(key, group);
  }
  return group;
}

/** Metrics that got the same dimension sets share one directive. */
function directivesOf(group: Group): EmfDirective[] {
  const byKey = new Map<string, { dimensionSets: string[][]; metrics: { name: string; unit: string }[] }>();
  for (const [name, { unit, sets }] of group.definitions) {
    const key = sets.map((set) => set.join(',')).join('|');
    let directive = byKey.get(key);
    if (!directive) {
      directive = { dimensionSets: sets, metrics: [] };
      byKey.set(key, directive);
    }
    directive.metrics.push({ name, unit });
  }
  return [...byKey.values()];
}

function valueLength(point: OtelPoint, detailedIndex: number, quantiles: readonly number[]): number {
  if (point.type === 'histogram') return statisticSetLength(0, 0, point.count, point.sum);
  if (point.type === 'summary') {
    if (detailedIndex === 0) return numberLength(point.sum);
    if (detailedIndex === 1) return numberLength(point.count);
    if (detailedIndex >= 2) return numberLength(point.quantiles.get(quantiles[detailedIndex - 2]!) ?? 0);
    const first = quantiles.length > 0 ? point.quantiles.get(quantiles[0]!)! : 0;
    const last = quantiles.length > 0 ? point.quantiles.get(quantiles[quantiles.length - 1]!)! : 0;
    return statisticSetLength(last, first, point.count, point.sum);
  }
  // Counters are written as the delta since the previous scrape; the current value's length stands in for it.
  return numberLength(point.value);
}

/** Units awsemf writes (§5.2): the Prometheus text format carries none, except the scrape-loop duration. */
function unitFor(point: OtelPoint, profile: CollectorProfile): string {
  if (point.unit === '') return '';
  const mapped: Record<string, string> = { s: 'Seconds', ms: 'Milliseconds', us: 'Microseconds', By: 'Bytes', [profile.label === 'OLD' ? 'Bi' : 'bit']: 'Bits' };
  if (profile.label !== 'OLD' && (point.unit === '1' || point.unit === 'ns')) return '';
  return mapped[point.unit] ?? point.unit;
}

function addIdentities(
  metrics: Map<string, MetricAccumulator>,
  namespace: string,
  metricName: string,
  labels: Readonly<Record<string, string>>,
  sets: readonly (readonly string[])[],
  point: OtelPoint,
  context: EmfExportContext,
  job: string,
): void {
  const declaredCount = context.declarations.length > 0 ? sets.length : 0;
  const fullSize = Object.keys(labels).length;
  for (const set of sets) {
    let key = `${namespace}\u0000${metricName}`;
    for (const name of set) key += `\u0000${name}\u0000${labels[name]}`;
    const existing = metrics.get(key);
    if (existing) {
      existing.source = { ...existing.source, series: existing.source.series + 1 };
      continue;
    }
    const dimensions: Record<string, string> = {};
    for (const name of set) dimensions[name] = labels[name]!;
    metrics.set(key, {
      namespace,
      metricName,
      dimensions,
      source: {
        pipeline: context.pipeline,
        receiver: context.receiver,
        exporter: context.exporter,
        job,
        series: 1,
        exampleSeries: point.exampleSeries,
        dimensionSet: kindOf(set, fullSize, labels, declaredCount > 0 && context.declarations.some((d) => d.dimensions.some((s) => s.join(',') === set.join(',')))),
        ...(point.cumulative ? { fromSecondScrape: true } : {}),
      },
    });
  }
}

function kindOf(set: readonly string[], fullSize: number, labels: Readonly<Record<string, string>>, declared: boolean): DimensionSetKind {
  if (declared) return 'declared';
  if (set.length === fullSize) return 'full';
  const own = set.filter((name) => name !== OTEL_LIB).length;
  if (own === 0) return 'zero-rollup';
  return own === 1 && Object.hasOwn(labels, set.find((name) => name !== OTEL_LIB)!) ? 'single-rollup' : 'full';
}

