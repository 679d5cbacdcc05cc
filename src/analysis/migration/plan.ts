/**
 * The Classic → OpenTelemetry migration plan (docs/sources.md#otel-metrics, the CloudWatch User Guide page metrics-otel-migrate): for every Classic metric the collectors create
 * that a dashboard or alarm reads, each consumer that needs a PromQL rewrite, with the PromQL that reads the same
 * data when the mapping is mechanical, and plainly why not when it is not (metric math, SEARCH, Metrics Insights,
 * percentiles of EMF statistic sets, statistics without a PromQL twin).
 */
import { compareStrings } from '../../shared/json.js';
import type { MetricIdentity } from '../../model/metric-identity.js';
import { describeRead, readMatches, type MetricRead, type ReadSource } from '../usage/metric-read.js';
import { pinnedNames } from '../usage/usage-index.js';
import { promqlAlarm, translateStatRead, type OtlpType } from './promql.js';

export interface MigrationItem {
  /** `namespace metricName` of the Classic metric read. */
  readonly metric: string;
  readonly consumer: { readonly kind: string; readonly name: string; readonly path?: string | undefined; readonly file?: string | undefined };
  /** What the consumer reads today, in words. */
  readonly classic: string;
  readonly promql: string | null;
  readonly mechanical: boolean;
  readonly note?: string | undefined;
  /** Alarms: the PromQL alarm to create (`PromQLCriteria`), when the condition maps. */
  readonly promqlAlarm?: { readonly query: string; readonly evaluationInterval: number | null; readonly pendingPeriod: number } | undefined;
}

export interface MigrationPlan {
  readonly phases: readonly string[];
  readonly items: readonly MigrationItem[];
  /** Consumers with at least one read that is not mechanical. */
  readonly manualConsumers: number;
}

export const MIGRATION_PHASES = [
  'dual-write: add an otlphttp exporter (sigv4auth, service monitoring) beside awsemf in the same metrics pipeline; both bills apply while both run',
  'validate: compare the OTLP series with the Classic metrics in Query Studio',
  'recreate consumers: dashboards as chart widgets with the PromQL below, alarms as PromQL alarms (PromQLCriteria)',
  'cut over: remove awsemf from the pipeline once nothing reads the Classic metrics',
];

const CONSUMERS = new Set(['dashboard', 'alarm', 'grafana']);

export function migrationPlan(reads: readonly MetricRead[], metrics: readonly MetricIdentity[], types: Readonly<Record<string, OtlpType>>): MigrationPlan {
  const items: MigrationItem[] = [];
  for (const read of reads) {
    if (!CONSUMERS.has(read.source.kind)) continue;
    const matched = metrics.filter((metric) => readMatches(read, metric));
    if (matched.length === 0) continue;
    const names = [...new Set(matched.map((metric) => `${metric.namespace} ${metric.metricName}`))].sort(compareStrings);
    const translation = translate(read, types);
    for (const metric of names) items.push({ metric, consumer: consumerOf(read.source), classic: classicText(read), ...translation });
  }
  items.sort((a, b) => compareStrings(a.metric, b.metric) || compareStrings(a.consumer.kind, b.consumer.kind) || compareStrings(a.consumer.name, b.consumer.name) || compareStrings(a.consumer.path ?? '', b.consumer.path ?? ''));
  const manual = new Set(items.filter((item) => !item.mechanical).map((item) => `${item.consumer.kind}\u0000${item.consumer.name}`));
  return { phases: MIGRATION_PHASES, items, manualConsumers: manual.size };
}

const CONTAINER_INSIGHTS = new Set(['ContainerInsights', 'ECS/ContainerInsights']);

function translate(read: MetricRead, types: Readonly<Record<string, OtlpType>>): Omit<MigrationItem, 'metric' | 'consumer' | 'classic'> {
  if (CONTAINER_INSIGHTS.has(pinnedNames(read).namespace ?? '')) {
    return {
      promql: null, mechanical: false,
      note: 'a Container Insights metric: OTel Container Insights (the amazon-cloudwatch-observability add-on with otelContainerInsights enabled) sends open-source names (cAdvisor, node exporter, kube-state-metrics) with no one-to-one mapping; rebuild the widget or alarm on those',
    };
  }
  if (read.kind === 'search') {
    const { metricName } = pinnedNames(read);
    return {
      promql: null, mechanical: false,
      note: `SEARCH selects metrics by schema and search terms; PromQL needs the metric name and label matchers written by hand${metricName ? ` (start from ${metricName})` : ''}`,
    };
  }
  if (read.kind === 'insights') return { promql: null, mechanical: false, note: 'a Metrics Insights query: rewrite its SELECT … GROUP BY as PromQL by hand (aggregation by (labels))' };
  if (read.kind !== 'metric' || read.metricName === null) return { promql: null, mechanical: false, note: 'the read does not name one metric; rewrite by hand' };
  const translation = translateStatRead(read.metricName, read.dimensions, read.aggregation, types[read.metricName]);
  if (read.aggregation?.math) {
    return { ...translation, mechanical: false, note: 'the widget or alarm computes metric math over this row: rewrite the expression in PromQL (this row\'s query is its input)' };
  }
  if (read.aggregation?.alarm && translation.promql !== null) {
    const alarm = promqlAlarm(translation.promql, read.aggregation);
    if ('note' in alarm) return { ...translation, mechanical: false, note: alarm.note };
    const interval = alarm.evaluationInterval === null ? ` (period ${read.aggregation.periodSeconds} s is not a valid EvaluationInterval: use 10, 20, 30 or a multiple of 60 up to 3600)` : '';
    return { ...translation, promqlAlarm: alarm, ...(interval ? { note: `${translation.note ? `${translation.note}; ` : ''}${interval.trim()}` } : {}) };
  }
  return translation;
}

function classicText(read: MetricRead): string {
  const base = describeRead(read);
  if (read.kind !== 'metric' || !read.aggregation) return base;
  const parts = [read.aggregation.stat, read.aggregation.periodSeconds === undefined ? undefined : `${read.aggregation.periodSeconds} s`].filter(Boolean);
  return parts.length > 0 ? `${base} ${parts.join(' / ')}` : base;
}

function consumerOf(source: ReadSource): MigrationItem['consumer'] {
  return { kind: source.kind, name: source.name, ...(source.path ? { path: source.path } : {}), ...(source.file ? { file: source.file } : {}) };
}
