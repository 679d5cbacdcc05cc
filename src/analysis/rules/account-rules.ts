/**
 * The rules about the account as a whole: reads that find nothing (an empty graph), dashboards past the free tier,
 * and the monthly budget.
 */
import { formatMoney, formatUsd } from '../cost/money.js';
import type { Finding } from '../report/cost-report.js';
import type { MetricIdentity } from '../../model/metric-identity.js';
import { describeRead, describeReadSource, type MetricRead } from '../usage/metric-read.js';
import type { BuiltinRules } from './rule-file.js';
import { usd, type AnalyzedMetric, type RuleContext } from './context.js';

export function dashboardMissingMetric(context: RuleContext, rule: BuiltinRules['dashboard-missing-metric']): Finding[] {
  return context.missingReads.map((read) => ({
    rule: 'dashboard-missing-metric',
    severity: rule.severity,
    message: `${describeReadSource(read.source)} reads ${describeRead(read)}, ${whyMissing(context, read)}`,
    metrics: writtenIdentity(read),
    monthlyUSD: '0.00',
    savingUSD: '0.00',
    fix:
      read.kind === 'promql'
        ? 'fix the metric name or labels in the PromQL query (over OTLP a histogram is one series: no _bucket, _count or _sum)'
        : 'fix the metric name or dimensions in the dashboard, or add the dimension set to the collector\'s metric_declarations',
    location: read.source.file ? { file: read.source.file, path: read.source.path } : undefined,
    fingerprint: `dashboard-missing-metric:${read.source.kind}:${read.source.name}:${describeRead(read)}`,
  }));
}

/** The one metric a read names in full (every value written), for the finding's metric list. */
function writtenIdentity(read: MetricRead): MetricIdentity[] {
  if (read.kind !== 'metric' || read.namespace === null || read.metricName === null || !read.exact) return [];
  const dimensions: Record<string, string> = {};
  for (const [name, values] of Object.entries(read.dimensions)) {
    if (values === null || values.length !== 1) return [];
    dimensions[name] = values[0]!;
  }
  return [{ namespace: read.namespace, metricName: read.metricName, dimensions }];
}

/**
 * How far off a metric row is: a name nothing produces, a dimension set it is never sent with (the graph stays
 * empty), or only values the scrape did not show (the series may exist in production: check the value).
 */
function whyMissing(context: RuleContext, read: MetricRead): string {
  // An alarm on a metric that never arrives has no data (INSUFFICIENT_DATA, or whatever TreatMissingData says).
  const empty = read.source.kind === 'alarm' ? 'the alarm gets no data' : 'the graph stays empty';
  if (read.kind === 'promql') return `which finds none of the OTLP series the collectors send: ${read.source.kind === 'alarm' ? empty : 'the chart stays empty'}`;
  if (read.kind !== 'metric') {
    const schema = read.kind === 'search' ? read.query.schema : undefined;
    const mismatch = schema && otelLibMismatch(context.metrics.filter((metric) => metric.identity.namespace === schema.namespace), schema.dimensionNames);
    return `which finds none of the predicted metrics: ${empty}${mismatch ?? ''}`;
  }
  const sameName = context.metrics.filter((metric) => metric.identity.namespace === read.namespace && metric.identity.metricName === read.metricName);
  if (sameName.length === 0) return `which no collector produces: ${empty}`;
  const wanted = Object.keys(read.dimensions).sort().join(',');
  if (!sameName.some((metric) => Object.keys(metric.identity.dimensions).sort().join(',') === wanted)) {
    return `but ${read.metricName} is never sent with exactly the dimensions {${wanted}}: ${empty}${otelLibMismatch(sameName, Object.keys(read.dimensions)) ?? ''}`;
  }
  return 'a dimension set that exists, but with values no scraped series has: check the value (or scrape a busier instance)';
}

/**
 * awsemf adds the `OTelLib` dimension from ADOT v0.29 on (awsemf.md §3.3): a dashboard written for one side of that
 * line reads, against a prediction for the other, dimension sets that exist but for `OTelLib`. Says so, since every
 * metric then looks unread and the fix would drop what the dashboard means to read.
 */
function otelLibMismatch(candidates: readonly AnalyzedMetric[], wanted: readonly string[]): string | undefined {
  const key = (names: readonly string[]) => names.filter((name) => name !== OTEL_LIB).sort().join(',');
  const want = key(wanted);
  const readsOtelLib = wanted.includes(OTEL_LIB);
  const match = candidates.find((metric) => {
    const names = Object.keys(metric.identity.dimensions);
    return names.includes(OTEL_LIB) !== readsOtelLib && key(names) === want;
  });
  if (!match) return undefined;
  return readsOtelLib
    ? `; the collector sends it without OTelLib, which ADOT adds from v0.29 on: the dashboard was written for a newer collector than predicted (pass --collector-version, or set collectorVersion in cwdash.config.ts)`
    : `; the collector sends it with OTelLib (ADOT v0.29 and later) and the dashboard reads it without: the dashboard was written for an older collector than predicted (pass --collector-version, e.g. 0.17.0, or set collectorVersion in cwdash.config.ts)`;
}

const OTEL_LIB = 'OTelLib';

export function dashboardOverFreeTier(context: RuleContext, rule: BuiltinRules['dashboard-over-free-tier']): Finding[] {
  const findings: Finding[] = [];
  const { freeDashboards, maxMetricsPerFreeDashboard } = rule.params;
  const base = { rule: 'dashboard-over-free-tier', severity: rule.severity, metrics: [] };
  const extra = context.dashboards.length - freeDashboards;
  if (extra > 0) {
    const cost = context.coster.dashboardsUSD(extra);
    findings.push({
      ...base,
      message: `${context.dashboards.length} dashboards: ${extra} more than the ${freeDashboards} the free tier covers, ${formatMoney(cost)}/month`,
      monthlyUSD: usd(cost),
      savingUSD: usd(cost),
      fix: 'merge dashboards that show the same service, or delete the ones nobody opens',
      fingerprint: 'dashboard-over-free-tier:count',
    });
  }
  for (const dashboard of context.dashboards) {
    if (dashboard.metricCount <= maxMetricsPerFreeDashboard) continue;
    findings.push({
      ...base,
      message: `dashboard ${dashboard.name} reads ${dashboard.metricCount} metrics; a free-tier dashboard may reference at most ${maxMetricsPerFreeDashboard}`,
      monthlyUSD: usd(context.coster.dashboardsUSD(1)),
      savingUSD: '0.00',
      fix: `split ${dashboard.name} or use SEARCH expressions, so it counts toward the free dashboards`,
      location: dashboard.file ? { file: dashboard.file } : undefined,
      fingerprint: `dashboard-over-free-tier:${dashboard.name}`,
    });
  }
  return findings;
}

export function budget(context: RuleContext, rule: BuiltinRules['budget']): Finding[] {
  const limit = context.budgetUSD ?? rule.params.limitUSD;
  // With part of the month unpriced, the priced part is a lower bound: over the budget already is over it.
  const known = context.pricedMonthlyUSD;
  if (limit === null || known.lte(limit)) return [];
  const incomplete = context.totalMonthlyUSD === null ? ' (at least: some prices are unknown)' : '';
  return [
    {
      rule: 'budget',
      severity: rule.severity,
      message: `predicted ${formatUsd(known)}/month${incomplete} is ${formatUsd(known.minus(limit))} over the ${formatUsd(limit)} budget`,
      metrics: [],
      monthlyUSD: usd(context.totalMonthlyUSD),
      savingUSD: '0.00',
      fix: 'apply the savings of the other findings, or raise budgetUSD in cwdash.config.ts',
      fingerprint: 'budget:total',
    },
  ];
}
