/**
 * One way something reads CloudWatch metrics: a metric row (exact identity, or with a dimension left open by a
 * dashboard variable), a SEARCH expression, or a Metrics Insights query. Each read remembers where it came from, so
 * findings can say which dashboard or alarm reads a metric, and a dashboard that reads nothing can be pointed at.
 */
import type { MetricIdentity } from '../../model/metric-identity.js';
import { insightsMatches, type InsightsQuery } from './metrics-insights.js';
import { searchMatches, type SearchQuery } from './search-expression.js';

export interface ReadSource {
  readonly kind: 'dashboard' | 'alarm' | 'allow-list' | 'console';
  /** Dashboard name, alarm name, the allow-list file, or the AWS console that reads the metric. */
  readonly name: string;
  /** The file the definition came from, when there is one. */
  readonly file?: string | undefined;
  /** JSON pointer of the row or query inside the body / alarm JSON. */
  readonly path?: string | undefined;
}

export type MetricRead =
  | {
      readonly kind: 'metric';
      readonly namespace: string;
      readonly metricName: string;
      /** `null` marks a value a dashboard variable fills in at view time: any value is read. */
      readonly dimensions: Readonly<Record<string, string | null>>;
      readonly source: ReadSource;
    }
  | { readonly kind: 'search'; readonly query: SearchQuery; readonly source: ReadSource }
  | { readonly kind: 'insights'; readonly query: InsightsQuery; readonly source: ReadSource };

export function readMatches(read: MetricRead, metric: MetricIdentity): boolean {
  switch (read.kind) {
    case 'search':
      return searchMatches(read.query, metric);
    case 'insights':
      return insightsMatches(read.query, metric);
    case 'metric': {
      if (read.namespace !== metric.namespace || read.metricName !== metric.metricName) return false;
      const names = Object.keys(read.dimensions);
      if (names.length !== Object.keys(metric.dimensions).length) return false;
      return names.every((name) => {
        const value = read.dimensions[name];
        return name in metric.dimensions && (value === null || value === metric.dimensions[name]);
      });
    }
  }
}

/** `dashboard task-service /widgets/2/properties/metrics/0` for messages. */
export function describeReadSource(source: ReadSource): string {
  const where = source.path ? ` ${source.path}` : '';
  return `${source.kind} ${source.name}${where}`;
}

/** A short human text of what a read asks for. */
export function describeRead(read: MetricRead): string {
  if (read.kind === 'search') return `SEARCH('${read.query.text}')`;
  if (read.kind === 'insights') return read.query.text;
  const dims = Object.entries(read.dimensions).map(([name, value]) => `${name}=${value ?? '*'}`);
  return `${read.namespace} ${read.metricName} {${dims.join(',')}}`;
}
