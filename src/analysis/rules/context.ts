/**
 * What every rule sees: the priced metrics with their readers, the collectors they come from, the dashboards, and a
 * coster that prices any subset the way the bill would. Rules are pure functions of this context.
 */
import { Decimal, toCents } from '../cost/money.js';
import { compareMetricIdentities, metricKey, type MetricIdentity } from '../../model/metric-identity.js';
import type { Finding, FindingLocation, Severity } from '../report/cost-report.js';
import { allowListEntryFor, type AllowList } from '../usage/allow-list.js';
import type { MetricRead, ReadSource } from '../usage/metric-read.js';
import type { ConsultedSource } from '../usage/usage-source.js';

export interface AnalyzedMetric {
  readonly identity: MetricIdentity;
  /** Billed metric-months per month: 1 for a metric that receives data every hour, less for short-lived series. */
  readonly metricMonths: number;
  /** The collector config (relative path) the metric comes from, or `account` for metrics listed from CloudWatch. */
  readonly collector: string;
  /** The region it is sent to, and billed in. */
  readonly region: string;
  /** True for a zero- or single-dimension copy made by dimension_rollup_option. */
  readonly rollup: boolean;
  readonly readers: readonly ReadSource[];
  /** True when every read that finds the metric is a pattern (any value, SEARCH, a stream...), none names it. */
  readonly wildcardOnly: boolean;
}

/** The pseudo-collector of `--account` runs: metrics listed from CloudWatch, no config a fix could change. */
export const ACCOUNT_SOURCE = 'account';

export interface CollectorFacts {
  readonly config: string;
  /** The awsemf exporter id (`awsemf`, `awsemf/app`). */
  readonly exporter: string;
  readonly exporterLocation?: FindingLocation | undefined;
  readonly dimensionRollupOption: string;
  readonly resourceToTelemetry: { readonly enabled: boolean; readonly location?: FindingLocation | undefined };
}

export interface DashboardFacts {
  readonly name: string;
  readonly file?: string | undefined;
  /** Metric rows and queries in the body: what the free tier's "up to 50 metrics" counts. */
  readonly metricCount: number;
}

/** Exact amounts, rounded only when they go into the report; null when a price they need is unknown. */
export interface Coster {
  /** What these metrics cost per month (at the average rate of their region). */
  monthlyUSD(metrics: readonly AnalyzedMetric[]): Decimal | null;
  /** What removing them saves: the last units billed in each region, at the account's marginal rates. */
  savingUSD(metrics: readonly AnalyzedMetric[]): Decimal | null;
  /** `count` dashboards, per month. */
  dashboardsUSD(count: number): Decimal | null;
}

export interface RuleContext {
  readonly metrics: readonly AnalyzedMetric[];
  readonly collectors: readonly CollectorFacts[];
  readonly dashboards: readonly DashboardFacts[];
  /** Reads that find none of the metrics, in namespaces the collectors produce. */
  readonly missingReads: readonly MetricRead[];
  readonly allowList: AllowList | undefined;
  readonly coster: Coster;
  /** The month's total; null when part of it has no known price. */
  readonly totalMonthlyUSD: Decimal | null;
  /** The priced part of the total (the total when it is complete). */
  readonly pricedMonthlyUSD: Decimal;
  /** --budget / budgetUSD; overrides the budget rule's limitUSD. */
  readonly budgetUSD?: number | undefined;
  /** Every usage source, given or not: what "unread" rests on. */
  readonly usageSources: readonly ConsultedSource[];
}

export interface RuleMeta {
  readonly id: string;
  readonly severity: Severity;
}

/** A metric an active allow-list entry keeps from `rule`. */
export function isAllowListed(context: RuleContext, metric: AnalyzedMetric, rule: string): boolean {
  return allowListEntryFor(context.allowList, metric.identity, rule) !== undefined;
}

/** A metric nothing reads and no allow-list entry keeps from `rule`. */
export function isUnread(context: RuleContext, metric: AnalyzedMetric, rule: string): boolean {
  return metric.readers.length === 0 && !isAllowListed(context, metric, rule);
}

/** ` (consulted: cwdash dashboards, alarms; not given: Grafana dashboards, ...)`; empty when no sources are listed. */
export function consultedText(context: RuleContext): string {
  if (context.usageSources.length === 0) return '';
  const given = context.usageSources.filter((source) => source.given).map((source) => source.label);
  const missing = context.usageSources.filter((source) => !source.given).map((source) => source.label);
  return ` (consulted: ${given.join(', ') || 'none'}${missing.length > 0 ? `; not given: ${missing.join(', ')}` : ''})`;
}

/** Exact: whole metric-months (the usual case) add up exactly as numbers; a fraction switches to decimal. */
export function sumMonths(metrics: readonly AnalyzedMetric[]): number {
  let whole = 0;
  let exact: Decimal | undefined;
  for (const { metricMonths } of metrics) {
    if (exact === undefined && Number.isInteger(metricMonths)) whole += metricMonths;
    else exact = (exact ?? new Decimal(whole)).plus(metricMonths);
  }
  return exact === undefined ? whole : exact.toNumber();
}

/** A finding over a group of metrics, priced by the coster; `saved` is the part the fix removes. */
export function metricFinding(
  context: RuleContext,
  meta: RuleMeta,
  fields: { message: string; fix: string; subject: string; location?: FindingLocation | undefined },
  involved: readonly AnalyzedMetric[],
  saved: readonly AnalyzedMetric[],
): Finding {
  return {
    rule: meta.id,
    severity: meta.severity,
    message: fields.message,
    metrics: sortedIdentities(involved),
    monthlyUSD: usd(context.coster.monthlyUSD(involved)),
    savingUSD: usd(context.coster.savingUSD(saved)),
    fix: fields.fix,
    location: fields.location,
    fingerprint: `${meta.id}:${fields.subject}`,
  };
}

/** An exact amount as the report writes it: cents, or null when unknown. */
export function usd(amount: Decimal | null): string | null {
  return amount === null ? null : toCents(amount);
}

export function sortedIdentities(metrics: readonly AnalyzedMetric[]): MetricIdentity[] {
  // Rules mostly pass a slice of the context's metrics, which are in identity order already.
  let ordered = true;
  for (let i = 1; i < metrics.length && ordered; i++) ordered = compareMetricIdentities(metrics[i - 1]!.identity, metrics[i]!.identity) < 0;
  if (ordered) return metrics.map((metric) => metric.identity);
  const unique = new Map<string, MetricIdentity>();
  for (const metric of metrics) unique.set(metricKey(metric.identity), metric.identity);
  return [...unique.values()].sort(compareMetricIdentities);
}

/** Groups by a string key, keeping the groups in key order so findings come out in a stable order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const byName = new WeakMap<RuleContext, [string, AnalyzedMetric[]][]>();

/** The context's metrics grouped by collector, namespace and metric name (in that order): several rules group so; built once. */
export function metricsByName(context: RuleContext): readonly [string, readonly AnalyzedMetric[]][] {
  let groups = byName.get(context);
  if (!groups) byName.set(context, (groups = groupBy(context.metrics, (metric) => `${metric.collector}\u0000${metric.identity.namespace}\u0000${metric.identity.metricName}`)));
  return groups;
}

/** The collector config a metric comes from; undefined for metrics listed from the account. */
export function collectorOf(context: RuleContext, config: string): CollectorFacts | undefined {
  return config === ACCOUNT_SOURCE ? undefined : context.collectors.find((collector) => collector.config === config);
}
