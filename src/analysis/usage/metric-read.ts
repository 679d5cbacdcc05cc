/**
 * A read pattern: one way something reads CloudWatch metrics, whatever the source (a cwdash dashboard row, a Grafana
 * panel, an alarm, a GetMetricData call in CloudTrail, a metric stream). Each pattern is matched against metric
 * identities the way CloudWatch itself selects metrics (docs/sources.md#usage): a metric stat query reads exactly
 * its dimension set, a SEARCH or Metrics Insights query reads what it would find, a stream reads what its filters let
 * through. Each read remembers where it came from and who made it, so a finding can say who reads a metric.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';
import { insightsMatches, type InsightsQuery } from './metrics-insights.js';
import type { PromQLSelector } from '../../model/promql/parse.js';
import { searchMatches, type SearchQuery } from './search-expression.js';

export type ReadSourceKind = 'dashboard' | 'alarm' | 'allow-list' | 'console' | 'grafana' | 'cloudtrail' | 'metric-stream' | 'anomaly-detector';

/** Evidence: which file, panel, alarm or principal reads, and when it was last seen doing so. */
export interface ReadSource {
  readonly kind: ReadSourceKind;
  /** Dashboard, panel, alarm, stream or detector name; the principal's ARN for CloudTrail; the allow-list file. */
  readonly name: string;
  /** The file the read came from, when there is one. */
  readonly file?: string | undefined;
  /** JSON pointer (or `file:line`) of the row, target or record inside the file. */
  readonly path?: string | undefined;
  /** CloudTrail: the IAM principal (`userIdentity.arn` without the session name). */
  readonly principal?: string | undefined;
  /** CloudTrail: the latest `eventTime` of this read by this principal (ISO 8601). */
  readonly lastSeen?: string | undefined;
  /** What the pattern rests on beyond the written text: `$function: any value (its values are not in the file)`. */
  readonly notes?: readonly string[] | undefined;
}

/** The values a read accepts for one dimension: the listed ones, or `null` for any value. */
export type DimensionValues = readonly string[] | null;

export interface StatPattern {
  readonly kind: 'metric';
  /** `null` when the query does not pin it (a templated namespace or metric name). */
  readonly namespace: string | null;
  readonly metricName: string | null;
  readonly dimensions: Readonly<Record<string, DimensionValues>>;
  /** True: the metric's dimension names are exactly these (MetricStat); false: at least these (SEARCH without a schema). */
  readonly exact: boolean;
  /** How the reader aggregates the metric, when the source says (a migration to PromQL needs it). */
  readonly aggregation?: ReadAggregation | undefined;
}

export interface ReadAggregation {
  /** `Average`, `Sum`, `p99`, ... as written. */
  readonly stat?: string | undefined;
  readonly periodSeconds?: number | undefined;
  /** The widget or alarm also computes metric math over its rows. */
  readonly math?: boolean | undefined;
  /** A single-metric alarm's condition. */
  readonly alarm?: { readonly comparison: string; readonly threshold: number; readonly evaluationPeriods: number } | undefined;
}

export interface StreamFilter {
  readonly namespace: string;
  /** Empty: every metric of the namespace. */
  readonly metricNames: readonly string[];
}

/** A metric stream ships every metric its filters let through to whatever receives it. */
export interface StreamPattern {
  readonly kind: 'stream';
  /** Empty: every namespace. */
  readonly include: readonly StreamFilter[];
  readonly exclude: readonly StreamFilter[];
}

export type ReadPattern =
  | StatPattern
  | { readonly kind: 'search'; readonly query: SearchQuery }
  | { readonly kind: 'insights'; readonly query: InsightsQuery }
  | { readonly kind: 'promql'; readonly selector: PromQLSelector }
  | StreamPattern;

export type MetricRead = ReadPattern & {
  readonly source: ReadSource;
  /** The region the read queries; undefined when it cannot be known from the source (Grafana `$region`). */
  readonly region?: string | undefined;
  /** The account a cross-account read queries; undefined: the account the source itself belongs to. */
  readonly account?: string | undefined;
};

/** What one source yields: its reads, and what it could not read (reported, never fatal). */
export interface ReadsResult {
  readonly reads: MetricRead[];
  readonly problems: UsageProblem[];
}

export interface UsageProblem {
  readonly source: ReadSource;
  readonly message: string;
  readonly line?: number | undefined;
}

export function readMatches(read: ReadPattern, metric: MetricIdentity): boolean {
  switch (read.kind) {
    case 'search':
      return searchMatches(read.query, metric);
    case 'insights':
      return insightsMatches(read.query, metric);
    case 'promql':
      return false; // PromQL reads the OTLP store, not Classic metrics: see promqlMatchesSeries
    case 'stream':
      return streamMatches(read, metric);
    case 'metric':
      return statMatches(read, metric);
  }
}

function statMatches(read: StatPattern, metric: MetricIdentity): boolean {
  if (read.namespace !== null && read.namespace !== metric.namespace) return false;
  if (read.metricName !== null && read.metricName !== metric.metricName) return false;
  const names = Object.keys(read.dimensions);
  if (read.exact && names.length !== Object.keys(metric.dimensions).length) return false;
  return names.every((name) => {
    const values = read.dimensions[name];
    const value = metric.dimensions[name];
    return value !== undefined && (values === null || values === undefined || values.includes(value));
  });
}

function streamMatches(read: StreamPattern, metric: MetricIdentity): boolean {
  const hit = (filter: StreamFilter) =>
    filter.namespace === metric.namespace && (filter.metricNames.length === 0 || filter.metricNames.includes(metric.metricName));
  if (read.include.length > 0 && !read.include.some(hit)) return false;
  return !read.exclude.some(hit);
}

/**
 * True when the read names metrics by a pattern rather than one by one: any value, a superset of dimensions, an
 * unpinned name, a SEARCH, Metrics Insights, PromQL or stream. A metric kept only by such reads is kept on trust.
 */
export function isWildcardRead(read: ReadPattern): boolean {
  if (read.kind !== 'metric') return true;
  return read.namespace === null || read.metricName === null || !read.exact || Object.values(read.dimensions).some((values) => values === null);
}

/** `dashboard task-service /widgets/2/properties/metrics/0` for messages. */
export function describeReadSource(source: ReadSource): string {
  const where = source.path ? ` ${source.path}` : '';
  return `${source.kind} ${source.name}${where}`;
}

/** A short human text of what a read asks for. */
export function describeRead(read: ReadPattern): string {
  switch (read.kind) {
    case 'search':
      return `SEARCH('${read.query.text}')`;
    case 'insights':
      return read.query.text;
    case 'promql':
      return read.selector.text;
    case 'stream': {
      const filters = (list: readonly StreamFilter[]) => list.map((filter) => `${filter.namespace}${filter.metricNames.length ? ` (${filter.metricNames.join(', ')})` : ''}`).join(', ');
      return `metric stream of ${read.include.length ? filters(read.include) : 'every namespace'}${read.exclude.length ? ` except ${filters(read.exclude)}` : ''}`;
    }
    case 'metric': {
      const dims = Object.entries(read.dimensions).map(([name, values]) => `${name}=${values === null ? '*' : values.join('|')}`);
      if (!read.exact) dims.push('...');
      return `${read.namespace ?? '*'} ${read.metricName ?? '*'} {${dims.join(',')}}`;
    }
  }
}

/** A metric stat read of exactly one identity (`{Name: value}` pairs as written). */
export function exactRead(namespace: string, metricName: string, pairs: Iterable<readonly [string, string]>): StatPattern {
  const dimensions: Record<string, DimensionValues> = {};
  for (const [name, value] of pairs) dimensions[name] = [value];
  return { kind: 'metric', namespace, metricName, dimensions, exact: true };
}
