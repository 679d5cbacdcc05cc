/**
 * The rules about the account as a whole: reads that find nothing (an empty graph), dashboards past the free tier,
 * and the monthly budget.
 */
import { Decimal, formatUsd } from '../cost/money.js';
import type { Finding } from '../report/cost-report.js';
import type { MetricIdentity } from '../../model/metric-identity.js';
import { describeRead, describeReadSource, type MetricRead } from '../usage/metric-read.js';
import type { BuiltinRules } from './rule-file.js';
import type { RuleContext } from './context.js';

export function dashboardMissingMetric(context: RuleContext, rule: BuiltinRules['dashboard-missing-metric']): Finding[] {
  return context.missingReads.map((read) => ({
    rule: 'dashboard-missing-metric',
    severity: rule.severity,
    message: `${describeReadSource(read.source)} reads ${describeRead(read)}, ${whyMissing(context, read)}`,
    metrics: writtenIdentity(read),
    monthlyUSD: 0,
    savingUSD: 0,
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
  if (read.kind === 'promql') return 'which finds none of the OTLP series the collectors send: the chart stays empty';
  if (read.kind !== 'metric') return 'which finds none of the predicted metrics: the graph stays empty';
  const sameName = context.metrics.filter((metric) => metric.identity.namespace === read.namespace && metric.identity.metricName === read.metricName);
  if (sameName.length === 0) return 'which no collector produces: the graph stays empty';
  const wanted = Object.keys(read.dimensions).sort().join(',');
  if (!sameName.some((metric) => Object.keys(metric.identity.dimensions).sort().join(',') === wanted)) {
    return `but ${read.metricName} is never sent with exactly the dimensions {${wanted}}: the graph stays empty`;
  }
  return 'a dimension set that exists, but with values no scraped series has: check the value (or scrape a busier instance)';
}

export function dashboardOverFreeTier(context: RuleContext, rule: BuiltinRules['dashboard-over-free-tier']): Finding[] {
  const findings: Finding[] = [];
  const { freeDashboards, maxMetricsPerFreeDashboard } = rule.params;
  const base = { rule: 'dashboard-over-free-tier', severity: rule.severity, metrics: [] };
  const extra = context.dashboards.length - freeDashboards;
  if (extra > 0) {
    const usd = context.coster.dashboardsUSD(extra);
    findings.push({
      ...base,
      message: `${context.dashboards.length} dashboards: ${extra} more than the ${freeDashboards} the free tier covers, ${formatUsd(usd)}/month`,
      monthlyUSD: usd,
      savingUSD: usd,
      fix: 'merge dashboards that show the same service, or delete the ones nobody opens',
      fingerprint: 'dashboard-over-free-tier:count',
    });
  }
  for (const dashboard of context.dashboards) {
    if (dashboard.metricCount <= maxMetricsPerFreeDashboard) continue;
    findings.push({
      ...base,
      message: `dashboard ${dashboard.name} reads ${dashboard.metricCount} metrics; a free-tier dashboard may reference at most ${maxMetricsPerFreeDashboard}`,
      monthlyUSD: context.coster.dashboardsUSD(1),
      savingUSD: 0,
      fix: `split ${dashboard.name} or use SEARCH expressions, so it counts toward the free dashboards`,
      location: dashboard.file ? { file: dashboard.file } : undefined,
      fingerprint: `dashboard-over-free-tier:${dashboard.name}`,
    });
  }
  return findings;
}

export function budget(context: RuleContext, rule: BuiltinRules['budget']): Finding[] {
  const limit = context.budgetUSD ?? rule.params.limitUSD;
  if (limit === null || context.totalMonthlyUSD <= limit) return [];
  const over = new Decimal(context.totalMonthlyUSD).minus(limit).toNumber();
  return [
    {
      rule: 'budget',
      severity: rule.severity,
      message: `predicted ${formatUsd(context.totalMonthlyUSD)}/month is ${formatUsd(over)} over the ${formatUsd(limit)} budget`,
      metrics: [],
      monthlyUSD: context.totalMonthlyUSD,
      savingUSD: 0,
      fix: 'apply the savings of the other findings, or raise budgetUSD in cwdash.config.ts',
      fingerprint: 'budget:total',
    },
  ];
}
