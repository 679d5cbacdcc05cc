/**
 * The prometheus receiver, for one scrape target (docs/sources.md#awsemf): target labels and honor_labels,
 * metric_relabel_configs, the resource made from job/instance, histogram and summary series folded into one metric
 * per family, the type mapping, and the five scrape-loop gauges every target adds.
 */
import type { PredictionWarning } from '../../model/prediction.js';
import { formatLocation } from '../../shared/errors.js';
import type { ScrapeConfig } from '../../sources/collector-config/model.js';
import type { FamilyMetadata, Scrape } from '../../sources/exposition/scrape.js';
import type { CollectorProfile } from './profiles.js';
import { applyRelabel, type compileRelabelRules } from './relabel.js';
import { prometheusResourceAttributes } from './resource.js';

export type OtelPointType = 'gauge' | 'sum' | 'histogram' | 'summary';

/** One OTLP data point of one scrape: what awsemf turns into CloudWatch metrics and EMF fields. */
export interface OtelPoint {
  name: string;
  readonly type: OtelPointType;
  /** Cumulative sums are delta-converted by awsemf: nothing is written for them on the first scrape. */
  readonly cumulative: boolean;
  attributes: Record<string, string>;
  /**
   * A string that differs whenever `attributes` differ (not canonical across targets), for grouping points into EMF
   * events cheaply; `undefined` after a processor changed the attributes.
   */
  attributesKey: string | undefined;
  unit: string;
  /** Gauge/sum value; histogram/summary count and sum; summary quantile values by quantile. */
  value: number;
  count: number;
  sum: number;
  quantiles: Map<number, number> | undefined;
  /** Histogram `_bucket` samples folded in (`+Inf` included): the OTLP point's bucket counts; bounds are one fewer. */
  buckets: number;
  /** Key of the first exposition series folded into this point (see `seriesText`), and how many were. */
  readonly seriesKey: string;
  seriesCount: number;
}

/** One scrape target as the receiver's OTLP output sees it; its data points are streamed separately. */
export interface TargetMetrics {
  readonly job: string;
  readonly instance: string;
  resource: Record<string, string>;
  readonly scope: string;
}

export interface TargetSpec {
  readonly address: string;
  /** static_configs labels of the target's group (they become point attributes). */
  readonly labels: Readonly<Record<string, string>>;
}

export const SCRAPE_LOOP_GAUGES = ['up', 'scrape_duration_seconds', 'scrape_samples_scraped', 'scrape_samples_post_metric_relabeling', 'scrape_series_added'] as const;

const NOT_ATTRIBUTES = new Set(['__name__', 'job', 'instance', '__scheme__', '__metrics_path__']);
type Role = 'value' | 'bucket' | 'sum' | 'count' | 'created' | 'quantile';
type Family = { readonly name: string; readonly type: string; readonly role: Role };

/** Which family a sample belongs to: its own TYPE, or a histogram/summary/counter base name by suffix (a summary's quantile samples are told apart by their `quantile` label). */
export function familyOf(name: string, metadata: ReadonlyMap<string, FamilyMetadata>): Family {
  const own = metadata.get(name)?.type;
  if (own !== undefined && own !== 'histogram' && own !== 'summary' && own !== 'gaugehistogram') return { name, type: own, role: 'value' };
  for (const [suffix, role] of [['_bucket', 'bucket'], ['_sum', 'sum'], ['_count', 'count'], ['_created', 'created'], ['_gsum', 'sum'], ['_gcount', 'count'], ['_total', 'value']] as const) {
    if (!name.endsWith(suffix)) continue;
    const base = name.slice(0, -suffix.length);
    const type = metadata.get(base)?.type;
    if (type === undefined) continue;
    if ((type === 'histogram' || type === 'gaugehistogram') && role !== 'value') return { name: base, type, role };
    if (type === 'summary' && (role === 'sum' || role === 'count' || role === 'created')) return { name: base, type, role };
    if (type === 'counter' && (role === 'value' || role === 'created')) return { name: role === 'value' ? name : base, type, role };
  }
  return { name, type: own ?? 'unknown', role: 'value' };
}

function pointType(familyType: string, profile: CollectorProfile): { type: OtelPointType; cumulative: boolean } {
  switch (familyType) {
    case 'counter':
      return { type: 'sum', cumulative: true };
    case 'histogram':
    case 'gaugehistogram':
      return { type: 'histogram', cumulative: false };
    case 'summary':
      return { type: 'summary', cumulative: false };
    case 'info':
    case 'stateset':
      return profile.label === 'OLD' ? { type: 'gauge', cumulative: false } : { type: 'sum', cumulative: true };
    default:
      return { type: 'gauge', cumulative: false };
  }
}

/**
 * Static targets are the same on every replica (a sidecar scraping localhost:3000): scraped once per replica, same
 * labels. Service discovery finds one target per pod, each with its own `instance`.
 */
export function targetsOf(scrapeConfig: ScrapeConfig, replicas: number, warnings: PredictionWarning[]): { targets: TargetSpec[]; copies: number } {
  const targets: TargetSpec[] = scrapeConfig.staticConfigs.flatMap((group) => group.targets.map((address) => ({ address, labels: group.labels })));
  if (scrapeConfig.serviceDiscovery.length > 0) {
    warnings.push({
      message: `${scrapeConfig.serviceDiscovery.join(', ')} is not modelled: one discovered target per replica (pod-1 … pod-${replicas}) is assumed, without the discovery meta labels`,
      location: formatLocation(scrapeConfig.location),
    });
    for (let pod = 1; pod <= replicas; pod++) targets.push({ address: `pod-${pod}:9090`, labels: {} });
    return { targets, copies: 1 };
  }
  return { targets, copies: replicas };
}

/** The resource and scope of one target's metrics; newer receivers add the labels of a `target_info` series. */
export function prometheusTarget(scrape: Scrape, scrapeConfig: ScrapeConfig, target: TargetSpec, profile: CollectorProfile): TargetMetrics {
  const job = scrapeConfig.jobName;
  const instance = target.address;
  const resource = prometheusResourceAttributes({ job, instance, scheme: scrapeConfig.scheme }, profile.resourceAttributes);
  if (profile.targetInfoToResource) {
    scrape.forEachSeriesNamed(TARGET_INFO, (parts) => {
      for (let index = 1; index < parts.length; index += 2) if (!NOT_ATTRIBUTES.has(parts[index]!)) resource[parts[index]!] = parts[index + 1]!;
    });
  }
  return { job, instance, resource, scope: profile.prometheusScope };
}

const TARGET_INFO = 'target_info';

/**
 * The data points of one target scraping `scrape`, passed to `emit` one by one: a plain series is emitted as it is
 * read, histogram and summary series are folded first, so a large scrape is never held as points. Points named as
 * `dropped` says are not built (the pipeline's processors drop them; see `namesDroppedFirst`).
 */
export function prometheusPoints(
  scrape: Scrape,
  scrapeConfig: ScrapeConfig,
  target: TargetSpec,
  profile: CollectorProfile,
  relabel: ReturnType<typeof compileRelabelRules>['compiled'],
  emit: (point: OtelPoint) => void,
  dropped?: (name: string) => boolean,
): { readonly samplesAfterRelabel: number; readonly overSampleLimit: boolean } {
  const job = scrapeConfig.jobName;
  const instance = target.address;
  const targetLabels: [string, string][] = [['job', job], ['instance', instance], ...Object.entries(target.labels)];
  // Static labels and relabelling need the merged label set; a page label clashing with job/instance alone is
  // handled inline below (renamed to exported_*, or, with honor_labels, kept out of the point attributes).
  const relabelled = relabel.length > 0 || targetLabels.length > 2
    ? (parts: readonly string[]) => {
        const merged = mergeTargetLabels(parts, targetLabels, scrapeConfig.honorLabels);
        return relabel.length > 0 ? applyRelabel(merged, relabel) : merged;
      }
    : undefined;
  const unlabelled = new Set<string>();
  if (scrapeConfig.sampleLimit > 0) {
    // Prometheus counts the samples left after relabelling and, past the limit, fails the whole scrape: only the
    // scrape loop's own series (with up = 0) reach the receiver.
    let count = 0;
    scrape.forEachSeries((parts) => void (!relabelled || relabelled(parts) ? count++ : 0));
    if (count > scrapeConfig.sampleLimit) {
      emitScrapeLoopGauges(emit, unlabelled, scrape, count, profile, 0);
      return { samplesAfterRelabel: count, overSampleLimit: true };
    }
  }
  // Target label → `exported_<label>`, built once rather than for every series that clashes.
  const exportedNames = new Map(targetLabels.map(([name]) => [name, `exported_${name}`]));
  const points = new Map<string, OtelPoint>();
  const families = new Map<string, Family>();
  let kept = 0;
  scrape.forEachSeries((parts, value, seriesKey) => {
    let name = parts[0]!;
    let pairs: readonly string[] = parts;
    let start = 1;
    if (relabelled) {
      const labels = relabelled(parts);
      if (!labels) return;
      name = labels.get('__name__') ?? name;
      pairs = [...labels].filter(([label, v]) => !NOT_ATTRIBUTES.has(label) && v !== '').sort((a, b) => (a[0] < b[0] ? -1 : 1)).flat();
      start = 0;
    }
    kept++;
    if (name === TARGET_INFO && profile.targetInfoToResource) return;
    let family = families.get(name);
    if (!family) {
      family = familyOf(name, scrape.metadata);
      families.set(name, family);
    }
    if (family.type === 'summary' && family.role === 'value' && hasLabel(pairs, start, 'quantile')) family = { ...family, role: 'quantile' };
    const folded = family.type === 'histogram' || family.type === 'gaugehistogram' || family.type === 'summary';
    // OpenMetrics `_created` is a start time for the receiver; OLD receivers made it a counter of its own.
    if (family.role === 'created' && !profile.createdIsSeparateMetric) return;
    const metricName = family.role === 'created' ? name : family.name;
    // A scrape-loop gauge of the same name is then emitted in its place, and dropped by the same name.
    if (dropped?.(metricName)) return;
    let key = metricName;
    let quantile: number | undefined;
    const attributes: Record<string, string> = {};
    for (let index = start; index < pairs.length; index += 2) {
      let label = pairs[index]!;
      const exported = start === 1 ? exportedNames.get(label) : undefined;
      if (exported !== undefined) {
        if (scrapeConfig.honorLabels) continue;
        label = exportedName(label, parts, exported);
      }
      if (folded && (label === 'le' || label === 'quantile')) {
        if (label === 'quantile') quantile = Number(pairs[index + 1]);
        continue;
      }
      attributes[label] = pairs[index + 1]!;
      if (folded || start === 0) key += `\u0000${label}\u0000${pairs[index + 1]}`;
    }
    if (!folded && start === 1 && metricName === name) {
      // Series keys are unique: this point gets no other series, so it goes out now.
      const { type, cumulative } = family.role === 'created' ? { type: 'sum' as const, cumulative: true } : pointType(family.type, profile);
      if (parts.length === 1) unlabelled.add(name);
      const attributesKey = seriesKey.slice(name.length);
      emit({ name: metricName, type, cumulative, attributes, attributesKey, unit: '', value, count: 0, sum: 0, quantiles: undefined, buckets: 0, seriesKey, seriesCount: 1 });
      return;
    }
    let point = points.get(key);
    if (!point) {
      const { type, cumulative } = family.role === 'created' ? { type: 'sum' as const, cumulative: true } : pointType(family.type, profile);
      const attributesKey = key.slice(metricName.length);
      point = { name: metricName, type, cumulative, attributes, attributesKey, unit: '', value: 0, count: 0, sum: 0, quantiles: undefined, buckets: 0, seriesKey, seriesCount: 0 };
      points.set(key, point);
    }
    point.seriesCount++;
    if (family.role === 'count') point.count = value;
    else if (family.role === 'sum') point.sum = value;
    else if (family.role === 'quantile' && quantile !== undefined) (point.quantiles ??= new Map()).set(quantile, value);
    else if (family.role === 'bucket') point.buckets++;
    else if (family.role === 'value' || family.role === 'created') point.value = value;
  });
  for (const point of points.values()) {
    if (Object.keys(point.attributes).length === 0) unlabelled.add(point.name);
    emit(point);
  }
  emitScrapeLoopGauges(emit, unlabelled, scrape, kept, profile, 1);
  return { samplesAfterRelabel: kept, overSampleLimit: false };
}

/** `instance` → `exported_instance`, prefixed again while the page already has that name. */
function exportedName(label: string, parts: readonly string[], first = `exported_${label}`): string {
  let exported = first;
  while (hasLabel(parts, 1, exported)) exported = `exported_${exported}`;
  return exported;
}

function hasLabel(pairs: readonly string[], start: number, label: string): boolean {
  for (let index = start; index < pairs.length; index += 2) if (pairs[index] === label) return true;
  return false;
}

function mergeTargetLabels(parts: readonly string[], targetLabels: readonly [string, string][], honorLabels: boolean): Map<string, string> {
  const merged = new Map<string, string>();
  for (let index = 1; index < parts.length; index += 2) merged.set(parts[index]!, parts[index + 1]!);
  for (const [name, value] of targetLabels) {
    if (merged.has(name)) {
      if (honorLabels) continue;
      merged.set(exportedName(name, parts), merged.get(name)!);
    }
    merged.set(name, value);
  }
  merged.set('__name__', parts[0]!);
  return merged;
}

function emitScrapeLoopGauges(emit: (point: OtelPoint) => void, unlabelled: ReadonlySet<string>, scrape: Scrape, kept: number, profile: CollectorProfile, up: 0 | 1): void {
  const values: Record<(typeof SCRAPE_LOOP_GAUGES)[number], number> = {
    up,
    scrape_duration_seconds: 0.012345678,
    scrape_samples_scraped: scrape.samples,
    scrape_samples_post_metric_relabeling: kept,
    scrape_series_added: scrape.seriesCount,
  };
  for (const name of SCRAPE_LOOP_GAUGES) {
    // A page line with the same name and no labels is the same series; the page's sample wins (docs/sources.md#exposition).
    if (unlabelled.has(name)) continue;
    emit({
      name, type: 'gauge', cumulative: false, attributes: {}, unit: name === 'scrape_duration_seconds' ? profile.scrapeDurationUnit : '',
      value: values[name], count: 0, sum: 0, quantiles: undefined, buckets: 0, seriesKey: name, seriesCount: 1, attributesKey: '',
    });
  }
}
