/**
 * The awsemf exporter for one export call (one scrape of one target): data points → label maps → namespace →
 * dimension sets → CloudWatch metric identities, and the EMF log events with their exact byte sizes.
 */
import type { AwsEmfConfig } from '../../sources/collector-config/model.js';
import { byteOrder } from './declarations.js';
import { emfLabels, summaryDataPoints } from './data-points.js';
import { dimensionSetsFor } from './dimension-sets.js';
import { definitionLength, dimensionsLength, emfEventLengthFromParts, jsonStringLength, labelsLength, numberLength, statisticSetLength } from './emf-size.js';
import type { CollectorProfile } from './profiles.js';
import type { IdentityStore } from './identity-store.js';
import { addIdentities, type MetricAccumulator } from './metric-accumulator.js';
import type { OtelPoint, TargetMetrics } from './prometheus-to-otel.js';
import { emfLogGroup, emfNamespace } from './resource.js';
import { seriesText } from '../../sources/exposition/scrape.js';
import type { EmfExportContext } from './export-context.js';

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

/** One EMF log event being assembled: only the lengths its size needs, so a million events stay small. */
interface Group {
  /** The first series in the event, for messages. */
  readonly seriesKey: string;
  readonly labelsLength: number;
  readonly labelCount: number;
  valuesLength: number;
  valueCount: number;
  /** Metrics with the same dimension sets share a directive: the first inline, others (declarations only) by sets. */
  directive: Directive | undefined;
  others: Map<string, Directive> | undefined;
}

interface Directive {
  readonly key: string;
  readonly dimensionsLength: number;
  definitionsLength: number;
  count: number;
}

function directivesOf(group: Group): Directive[] {
  if (!group.directive) return [];
  return group.others ? [group.directive, ...group.others.values()] : [group.directive];
}

/**
 * One export call of one awsemf exporter for one target: points are added one by one (their identities go straight
 * into the shared store), and `finish` sizes the EMF events they group into.
 */
export class EmfTargetExport {
  private readonly namespace: string;
  private readonly resourceLabels: Record<string, string> | undefined;
  /** Events by metric type, then by label key; the list keeps their order (messages name the first oversized ones). */
  private readonly groups = new Map<string, Map<string, Group>>();
  private readonly groupList: Group[] = [];
  private readonly setsCache = new Map<readonly string[], string[][]>();
  private readonly names = new NameOrder();
  private lastLengths: { name: string; unit: string; field: number; definition: number } | undefined;
  /** The receiver adds `prom_metric_type` only when a processor set the resource attribute receiver=prometheus. */
  private readonly extraFields: Readonly<Record<string, string>> | undefined;
  private readonly directivesOff: boolean;
  private readonly origin: MetricAccumulator['origin'];

  constructor(
    private readonly target: TargetMetrics,
    private readonly context: EmfExportContext,
    private readonly metrics: IdentityStore<MetricAccumulator>,
    private readonly stats: ExportStats,
  ) {
    const { config, profile } = context;
    this.namespace = emfNamespace(config.namespace, target.resource);
    stats.logGroups.add(emfLogGroup(config.logGroupName, this.namespace, target.resource));
    this.resourceLabels = config.resourceToTelemetryConversion.enabled ? resourceAsLabels(target.resource, config, profile) : undefined;
    this.extraFields = target.resource.receiver === 'prometheus' ? { prom_metric_type: 'gauge' } : undefined;
    this.directivesOff = profile.supportsVersionOption && config.version !== '0' && config.version !== '1';
    this.origin = { context, job: target.job };
  }

  add(point: OtelPoint): void {
    const { config, profile } = this.context;
    if (Number.isNaN(point.value) || !Number.isFinite(point.value)) {
      const drops = Number.isNaN(point.value) ? profile.dropsNaN : profile.dropsInf;
      if (point.type === 'gauge' || point.type === 'sum') {
        this.stats.droppedNaN.push(seriesText(point.seriesKey));
        if (drops) return;
      }
    }
    const attributes = this.resourceLabels ? { ...point.attributes, ...this.resourceLabels } : point.attributes;
    const labels = emfLabels(attributes, this.target.scope);
    const detailed = point.type === 'summary' && config.detailedMetrics && profile.supportsDetailedMetrics;
    const quantiles = point.quantiles ? [...point.quantiles.keys()].sort((a, b) => a - b) : [];
    const named = point.type === 'summary' ? summaryDataPoints(point.name, labels, quantiles, detailed) : undefined;
    for (let index = 0; index < (named?.length ?? 1); index++) {
      const { name, labels: pointLabels } = named?.[index] ?? { name: point.name, labels };
      const dimensionLabels = Object.hasOwn(pointLabels, STORAGE_RESOLUTION) ? withoutKey(pointLabels, STORAGE_RESOLUTION) : pointLabels;
      const names = this.names.sorted(pointLabels);
      const sets = setsFor(dimensionLabels, name, names, this.context, this.setsCache);
      if (names.length > MAX_DIMENSIONS_PER_SET) this.stats.overwideSets.push(seriesText(point.seriesKey));
      if (!this.directivesOff) addIdentities(this.metrics, this.namespace, name, dimensionLabels, sets, point, this.context, this.origin);
      const group = this.groupFor(pointLabels, profile.groupByMetricType ? point.type : '', names, point, index);
      const lengths = this.lengthsOf(name, unitFor(point, profile));
      group.valuesLength += lengths.field + valueLength(point, detailed ? index : -1, quantiles);
      group.valueCount++;
      if (sets.length > 0 && !this.directivesOff) addDefinition(group, lengths.definition, sets, this.context);
    }
  }

  /** The JSON lengths of a metric's value field (`"name":`) and definition, for the last name (points come in runs). */
  private lengthsOf(name: string, unit: string): { name: string; unit: string; field: number; definition: number } {
    const last = this.lastLengths;
    if (last !== undefined && last.name === name && last.unit === unit) return last;
    const definition = definitionLength({ name, unit }, this.context.profile.definitionForm);
    return (this.lastLengths = { name, unit, field: jsonStringLength(name) + 3, definition });
  }

  /**
   * The event a point joins: same label map (and, in newer collectors, same metric type). The namespace is the same
   * for the whole export, so the key is the type and the label values by id.
   */
  private groupFor(labels: Readonly<Record<string, string>>, type: string, names: readonly string[], point: OtelPoint, index: number): Group {
    // The point's own attribute key is enough within one export (resource labels and OTelLib are the same for all its
    // points); a detailed summary's quantile points carry an extra label, and processed points have no key.
    // Attribute keys start with NUL or are empty, so the \u0001 prefix keeps the two kinds of key apart.
    let key: string;
    if (point.attributesKey !== undefined && index === 0) key = point.attributesKey;
    else {
      const parts = ['\u0001'];
      for (const name of names) parts.push(this.metrics.valueId(name), this.metrics.valueId(labels[name]!));
      key = parts.join(',');
    }
    const seriesKey = point.seriesKey;
    let byKey = this.groups.get(type);
    if (!byKey) this.groups.set(type, (byKey = new Map()));
    let group = byKey.get(key);
    if (!group) {
      const extra = this.extraFields;
      group = {
        seriesKey,
        labelsLength: labelsLength(labels) + (extra === undefined ? 0 : labelsLength(extra)),
        labelCount: names.length + (extra === undefined ? 0 : Object.keys(extra).length),
        valuesLength: 0,
        valueCount: 0,
        directive: undefined,
        others: undefined,
      };
      byKey.set(key, group);
      this.groupList.push(group);
    }
    return group;
  }

  /** Sizes the events; call once, after the last point. */
  finish(): void {
    const { config, profile } = this.context;
    for (const group of this.groupList) {
      const directives = directivesOf(group);
      const metricCount = directives.reduce((total, directive) => total + directive.count, 0);
      if (metricCount > MAX_METRICS_PER_DIRECTIVE) this.stats.oversizedGroups.push(`${this.namespace}: ${metricCount} metrics in the event of ${seriesText(group.seriesKey)}`);
      this.stats.events++;
      this.stats.bytes += emfEventLengthFromParts({
        namespace: this.namespace,
        labelsLength: group.labelsLength,
        labelCount: group.labelCount,
        valuesLength: group.valuesLength,
        valueCount: group.valueCount,
        directives,
        versionField: profile.versionField && config.version !== '0',
      }) + (profile.supportsVersionOption && config.version === '0' ? 7 : 0); // v0 is 7 bytes shorter than v1, not 14
    }
    this.groups.clear();
    this.groupList.length = 0;
  }
}

/** Without declarations every metric of an event has the same sets (they follow from the labels): one directive. */
function addDefinition(group: Group, length: number, sets: readonly (readonly string[])[], context: EmfExportContext): void {
  const key = context.declarations.length === 0 ? '' : sets.map((set) => set.join(',')).join('|');
  const directive = group.directive?.key === key ? group.directive : group.others?.get(key);
  if (directive) {
    directive.definitionsLength += length + 1;
    directive.count++;
    return;
  }
  const created = { key, dimensionsLength: dimensionsLength(sets), definitionsLength: length, count: 1 };
  if (!group.directive) group.directive = created;
  else (group.others ??= new Map()).set(key, created);
}

/**
 * Without declarations the sets depend only on the label names, so points with the same names share one array of
 * sets (a million-series scrape has a handful of name sets): less work, and the identities share the arrays.
 */
function setsFor(
  labels: Readonly<Record<string, string>>,
  metricName: string,
  names: readonly string[],
  context: EmfExportContext,
  cache: Map<readonly string[], string[][]>,
): string[][] {
  const { config, profile, declarations } = context;
  if (declarations.length > 0 || Object.hasOwn(labels, STORAGE_RESOLUTION)) {
    return dimensionSetsFor(config.dimensionRollupOption, labels, metricName, declarations, profile.honoursEmptyDeclaredSet);
  }
  let sets = cache.get(names);
  if (!sets) {
    sets = dimensionSetsFor(config.dimensionRollupOption, labels, metricName, declarations, profile.honoursEmptyDeclaredSet);
    cache.set(names, sets);
  }
  return sets;
}

/**
 * Sorted label names, one shared array per distinct name set (so `setsFor` caches by the array itself). Points come
 * in runs of the same shape: the last shape is checked first, without joining or sorting anything.
 */
class NameOrder {
  private readonly byKey = new Map<string, string[]>();
  private lastKeys: readonly string[] = [];
  private lastSorted: string[] | undefined;

  sorted(labels: Readonly<Record<string, string>>): readonly string[] {
    if (this.lastSorted && this.sameKeys(labels)) return this.lastSorted;
    const keys = Object.keys(labels);
    const sorted = [...keys].sort(byteOrder);
    const key = sorted.join('\u0000');
    let shared = this.byKey.get(key);
    if (!shared) this.byKey.set(key, (shared = sorted));
    this.lastKeys = keys;
    this.lastSorted = shared;
    return shared;
  }

  /** Whether `labels` has the last shape's keys in the same order (no array is built to find out). */
  private sameKeys(labels: Readonly<Record<string, string>>): boolean {
    const last = this.lastKeys;
    let index = 0;
    for (const key in labels) if (key !== last[index++]) return false;
    return index === last.length;
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


function valueLength(point: OtelPoint, detailedIndex: number, quantiles: readonly number[]): number {
  if (point.type === 'histogram') return statisticSetLength(0, 0, point.count, point.sum);
  if (point.type === 'summary') {
    if (detailedIndex === 0) return numberLength(point.sum);
    if (detailedIndex === 1) return numberLength(point.count);
    const quantile = (q: number | undefined) => (q === undefined ? 0 : (point.quantiles?.get(q) ?? 0));
    if (detailedIndex >= 2) return numberLength(quantile(quantiles[detailedIndex - 2]));
    const first = quantile(quantiles[0]);
    const last = quantile(quantiles[quantiles.length - 1]);
    return statisticSetLength(last, first, point.count, point.sum);
  }
  // Counters are written as the delta since the previous scrape; the current value's length stands in for it.
  return numberLength(point.value);
}

/** Units awsemf writes (its `metric_translator.go`): the Prometheus text format carries none, except the scrape-loop duration. */
function unitFor(point: OtelPoint, profile: CollectorProfile): string {
  if (point.unit === '') return '';
  const mapped: Record<string, string> = { s: 'Seconds', ms: 'Milliseconds', us: 'Microseconds', By: 'Bytes', [profile.label === 'OLD' ? 'Bi' : 'bit']: 'Bits' };
  if (profile.label !== 'OLD' && (point.unit === '1' || point.unit === 'ns')) return '';
  return mapped[point.unit] ?? point.unit;
}
