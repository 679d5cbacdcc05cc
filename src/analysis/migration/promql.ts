/**
 * A Classic metric read (namespace, metric name, dimensions, statistic, period) as the PromQL that reads the same data
 * from CloudWatch's OTLP store (docs/sources.md#otel-metrics; the CloudWatch User Guide pages CloudWatch-PromQL-Querying and metrics-otel-migrate), where the mapping is mechanical: the metric name stays (awsemf
 * used the OTLP name), the namespace has no counterpart, dimensions become label matchers (OTelLib is the
 * instrumentation scope, resource attributes are `@resource.*`), a rolled-up dimension set is a `sum by`/`avg by`, and
 * the statistic picks the function. Where it is not mechanical the result says why, and gives no query.
 */
import type { OtlpSeries } from '../../model/otlp-prediction.js';
import type { DimensionValues, ReadAggregation } from '../usage/metric-read.js';

export type OtlpType = OtlpSeries['type'];

export interface PromQLTranslation {
  /** The PromQL, or `null` when no query reads the same data. */
  readonly promql: string | null;
  readonly mechanical: boolean;
  /** Why it is not mechanical, or what a reader should know. */
  readonly note?: string;
}

/** Resource attributes the prometheus receiver sets (contrib ≥ 0.129), which become dimensions only through resource_to_telemetry_conversion. */
const RESOURCE_ATTRIBUTES = new Set(['service.name', 'service.instance.id', 'server.address', 'server.port', 'url.scheme', 'service.namespace', 'host.name']);
const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const METRIC_IDENTIFIER = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const DEFAULT_PERIOD_SECONDS = 300;

export function promqlLabelName(dimension: string): string {
  if (dimension === 'OTelLib') return '@instrumentation.@name';
  if (RESOURCE_ATTRIBUTES.has(dimension)) return `@resource.${dimension}`;
  return dimension;
}

function quotedLabel(label: string): string {
  return IDENTIFIER.test(label) ? label : JSON.stringify(label);
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `name{a="1", "@resource.service.name"="x"}`, or `{"dotted.name", ...}` for a UTF-8 name. */
export function selector(metricName: string, dimensions: Readonly<Record<string, DimensionValues>>): string {
  const matchers = Object.keys(dimensions).sort().flatMap((dimension) => {
    const values = dimensions[dimension];
    const label = quotedLabel(promqlLabelName(dimension));
    if (values === null || values === undefined || values.length === 0) return [];
    if (values.length === 1) return [`${label}=${JSON.stringify(values[0])}`];
    return [`${label}=~${JSON.stringify(values.map(escapeRegex).join('|'))}`];
  });
  if (METRIC_IDENTIFIER.test(metricName)) return matchers.length === 0 ? metricName : `${metricName}{${matchers.join(', ')}}`;
  return `{${[JSON.stringify(metricName), ...matchers].join(', ')}}`;
}

/** `5m` for 300 s, `90s` otherwise. */
export function window(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

export function translateStatRead(
  metricName: string,
  dimensions: Readonly<Record<string, DimensionValues>>,
  aggregation: ReadAggregation | undefined,
  type: OtlpType | undefined,
): PromQLTranslation {
  const stat = aggregation?.stat ?? 'Average';
  const range = `[${window(aggregation?.periodSeconds ?? DEFAULT_PERIOD_SECONDS)}]`;
  const vector = `${selector(metricName, dimensions)}${range}`;
  const labels = Object.keys(dimensions).sort().map((dimension) => quotedLabel(promqlLabelName(dimension)));
  const by = (operator: string, inner: string) => (labels.length === 0 ? `${operator}(${inner})` : `${operator} by (${labels.join(', ')}) (${inner})`);
  const defaulted = aggregation?.stat === undefined ? 'no statistic written: CloudWatch\'s default Average assumed' : undefined;
  const result = (promql: string): PromQLTranslation => ({ promql, mechanical: true, ...(defaulted ? { note: defaulted } : {}) });
  if (type === undefined) return { promql: null, mechanical: false, note: `${metricName} is not among the series the collector sends over OTLP` };
  if (type === 'Summary') return { promql: null, mechanical: false, note: 'a summary: awsemf wrote a statistic set from its count and sum, OTLP stores the quantiles; rewrite by hand' };
  if (type === 'Histogram') {
    if (/^p\d+(\.\d+)?$/i.test(stat)) {
      return {
        promql: null, mechanical: false,
        note: `${stat} of an EMF statistic set: awsemf sends Min = Max = 0 for Prometheus histograms, so CloudWatch's percentile has no OTLP equivalent; the real one is histogram_quantile(${Number(stat.slice(1)) / 100}, ${by('sum', `rate(${vector})`)})`,
      };
    }
    if (stat === 'Average') return result(`histogram_avg(${by('sum', `rate(${vector})`)})`);
    if (stat === 'Sum') return result(`histogram_sum(${by('sum', `increase(${vector})`)})`);
    if (stat === 'SampleCount') return result(`histogram_count(${by('sum', `increase(${vector})`)})`);
    return { promql: null, mechanical: false, note: `${stat} of a histogram: awsemf sends Min = Max = 0 and PromQL min/max skip histogram samples; rewrite by hand` };
  }
  if (type === 'Sum') {
    // awsemf writes the delta of a cumulative counter each scrape; over OTLP the counter stays cumulative.
    if (stat === 'Sum') return result(by('sum', `increase(${vector})`));
    if (stat === 'SampleCount') return result(by('sum', `count_over_time(${vector})`));
    return { promql: null, mechanical: false, note: `${stat} of a counter: awsemf averaged per-scrape deltas; over OTLP the counter is cumulative (rate(${vector}) × the scrape interval is the nearest); rewrite by hand` };
  }
  const gauge: Readonly<Record<string, [string, string]>> = {
    Average: ['avg', 'avg_over_time'], Maximum: ['max', 'max_over_time'], Minimum: ['min', 'min_over_time'],
    Sum: ['sum', 'sum_over_time'], SampleCount: ['sum', 'count_over_time'],
  };
  const mapping = gauge[stat];
  if (!mapping) return { promql: null, mechanical: false, note: `statistic ${stat} has no PromQL function of the same meaning; rewrite by hand` };
  return result(by(mapping[0], `${mapping[1]}(${vector})`));
}

const COMPARISONS: Readonly<Record<string, string>> = {
  GreaterThanThreshold: '>', GreaterThanOrEqualToThreshold: '>=', LessThanThreshold: '<', LessThanOrEqualToThreshold: '<=',
};

/** A single-metric alarm as PromQLCriteria: the threshold folded into the query, EvaluationPeriods × Period pending. */
export function promqlAlarm(query: string, aggregation: ReadAggregation): { query: string; evaluationInterval: number | null; pendingPeriod: number } | { note: string } {
  const condition = aggregation.alarm!;
  const operator = COMPARISONS[condition.comparison];
  if (operator === undefined) return { note: `${condition.comparison} (an anomaly band) has no PromQL alarm form; rewrite by hand` };
  const period = aggregation.periodSeconds ?? 60;
  const valid = [10, 20, 30].includes(period) || (period % 60 === 0 && period <= 3600);
  return { query: `${query} ${operator} ${condition.threshold}`, evaluationInterval: valid ? period : null, pendingPeriod: Math.min(86_400, condition.evaluationPeriods * period) };
}
