/**
 * The prometheus receiver, for one scrape target (awsemf.md §3.2, §5.1): target labels and honor_labels,
 * metric_relabel_configs, the resource made from job/instance, histogram and summary series folded into one metric
 * per family, the type mapping, and the five scrape-loop gauges every target adds.
 */
import type { ScrapeConfig } from '../../sources/collector-config/model.js';
import type { FamilyMetadata, Scrape, ScrapeSeries } from '../../sources/exposition/scrape.js';
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
  unit: string;
  /** Gauge/sum value; histogram/summary count and sum; summary quantile values by quantile. */
  value: number;
  count: number;
  sum: number;
  readonly quantiles: Map<number, number>;
  /** The first exposition series folded into this point (`name{labels}`), and how many were. */
  readonly exampleSeries: string;
  seriesCount: number;
}

export interface TargetMetrics {
  readonly job: string;
  readonly instance: string;
  resource: Record<string, string>;
  readonly scope: string;
  points: OtelPoint[];
  /** Series dropped by metric_relabel_configs. */
  readonly droppedByRelabel: number;
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

/** Which family a sample belongs to: its own TYPE, or a histogram/summary/counter base name by suffix. */
export function familyOf(name: string, metadata: ReadonlyMap<string, FamilyMetadata>, hasQuantile: boolean): Family {
  const own = metadata.get(name)?.type;
  if (own !== undefined && own !== 'histogram' && own !== 'summary' && own !== 'gaugehistogram') return { name, type: own, role: 'value' };
  if (own === 'summary' && hasQuantile) return { name, type: own, role: 'quantile' };
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

function seriesText(series: ScrapeSeries): string {
  return series.labels.length === 0 ? series.name : `${series.name}{${series.labels.map(([n, v]) => `${n}=${JSON.stringify(v)}`).join(',')}}`;
}

/** The receiver's view of one target scraping `scrape`. */
export function prometheusToOtel(
  scrape: Scrape,
  scrapeConfig: ScrapeConfig,
  target: TargetSpec,
  profile: CollectorProfile,
  relabel: ReturnType<typeof compileRelabelRules>['compiled'],
): TargetMetrics {
  const job = scrapeConfig.jobName;
  const instance = target.address;
  const targetLabels: [string, string][] = [['job', job], ['instance', instance], ...Object.entries(target.labels)];
  const targetLabelNames = new Set(targetLabels.map(([name]) => name));
  const points = new Map<string, OtelPoint>();
  let dropped = 0;
  let kept = 0;
  for (const series of scrape.series) {
    let name = series.name;
    let labels: readonly (readonly [string, string])[] = series.labels;
    if (targetLabels.length > 2 || labels.some(([label]) => targetLabelNames.has(label)) || relabel.length > 0) {
      const merged = mergeTargetLabels(series, targetLabels, scrapeConfig.honorLabels);
      const relabelled = relabel.length > 0 ? applyRelabel(merged, relabel) : merged;
      if (!relabelled) {
        dropped++;
        continue;
      }
      name = relabelled.get('__name__') ?? name;
      labels = [...relabelled].filter(([label, value]) => !NOT_ATTRIBUTES.has(label) && value !== '').sort((a, b) => (a[0] < b[0] ? -1 : 1));
    }
    kept++;
    const hasQuantile = labels.some(([label]) => label === 'quantile');
    const family = familyOf(name, scrape.metadata, hasQuantile);
    const folded = family.type === 'histogram' || family.type === 'gaugehistogram' || family.type === 'summary';
    if (family.role === 'created') {
      // OpenMetrics `_created` is a start time for the receiver; OLD receivers made it a counter of its own.
      if (!profile.createdIsSeparateMetric) continue;
    }
    const metricName = family.role === 'created' ? name : family.name;
    const { type, cumulative } = family.role === 'created' ? { type: 'sum' as const, cumulative: true } : pointType(family.type, profile);
    let key = metricName;
    let quantile: number | undefined;
    const attributes: Record<string, string> = {};
    for (const [label, value] of labels) {
      if (folded && (label === 'le' || label === 'quantile')) {
        if (label === 'quantile') quantile = Number(value);
        continue;
      }
      attributes[label] = value;
      key += `\u0000${label}\u0000${value}`;
    }
    let point = points.get(key);
    if (!point) {
      point = {
        name: metricName, type, cumulative, attributes, unit: '', value: 0, count: 0, sum: 0,
        quantiles: new Map(), exampleSeries: seriesText(series), seriesCount: 0,
      };
      points.set(key, point);
    }
    point.seriesCount++;
    if (family.role === 'count') point.count = series.value;
    else if (family.role === 'sum') point.sum = series.value;
    else if (family.role === 'quantile' && quantile !== undefined) point.quantiles.set(quantile, series.value);
    else if (family.role === 'value' || family.role === 'created') point.value = series.value;
  }
  addScrapeLoopGauges(points, scrape, kept, profile);
  return {
    job,
    instance,
    resource: prometheusResourceAttributes({ job, instance, scheme: scrapeConfig.scheme }, profile.resourceAttributes),
    scope: profile.prometheusScope,
    points: [...points.values()],
    droppedByRelabel: dropped,
  };
}

function mergeTargetLabels(series: ScrapeSeries, targetLabels: readonly [string, string][], honorLabels: boolean): Map<string, string> {
  const merged = new Map<string, string>(series.labels);
  for (const [name, value] of targetLabels) {
    if (merged.has(name)) {
      if (honorLabels) continue;
      let exported = `exported_${name}`;
      while (merged.has(exported)) exported = `exported_${exported}`;
      merged.set(exported, merged.get(name)!);
    }
    merged.set(name, value);
  }
  merged.set('__name__', series.name);
  return merged;
}

function addScrapeLoopGauges(points: Map<string, OtelPoint>, scrape: Scrape, kept: number, profile: CollectorProfile): void {
  const values: Record<(typeof SCRAPE_LOOP_GAUGES)[number], number> = {
    up: 1,
    scrape_duration_seconds: 0.012345678,
    scrape_samples_scraped: scrape.samples,
    scrape_samples_post_metric_relabeling: kept,
    scrape_series_added: scrape.series.length,
  };
  for (const name of SCRAPE_LOOP_GAUGES) {
    // A page line with the same name and no labels is the same series; the page's sample wins (exposition.md §1).
    if (points.has(name)) continue;
    points.set(name, {
      name, type: 'gauge', cumulative: false, attributes: {}, unit: name === 'scrape_duration_seconds' ? profile.scrapeDurationUnit : '',
      value: values[name], count: 0, sum: 0, quantiles: new Map(), exampleSeries: `${name} (scrape loop)`, seriesCount: 1,
    });
  }
}
